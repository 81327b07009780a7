/** How a card names the kind of thing it explains: one term, so singular. */
import type { CategoryId } from '../utils/glossary-types';

export const CATEGORY_LABEL: Readonly<Record<CategoryId, string>> = {
  'censorship-system': 'Censorship system',
  circumvention: 'Circumvention',
  'blocked-platform': 'Blocked platform',
  policy: 'Policy',
  'domestic-platform': 'Domestic platform',
  event: 'Event',
};

export function categoryLabel(category: CategoryId): string {
  return CATEGORY_LABEL[category];
}
