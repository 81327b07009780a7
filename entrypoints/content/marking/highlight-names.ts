/**
 * Names under which marks are registered in `CSS.highlights`. The name carries the mark style
 * because the page's DOM is never touched (not even a class on <html>), so the stylesheet can only
 * tell the styles apart by name: `entrypoints/content/marking/highlights.css` has one rule per name.
 */
import type { CategoryId } from '../../../common/glossary-types';

export type VisibleMarkStyle = 'underline' | 'background';

export const HIGHLIGHT_PREFIX = 'firewall-lens-';

export function highlightName(category: CategoryId, style: VisibleMarkStyle): string {
  return style === 'underline'
    ? `${HIGHLIGHT_PREFIX}${category}`
    : `${HIGHLIGHT_PREFIX}bg-${category}`;
}
