/**
 * The marks' stylesheet, asked for while the document is still being parsed.
 *
 * Inserting a stylesheet with `::highlight()` rules into a page that has already been laid out
 * restyles all of it: on the bench's 4M-character page that was 0.5-1.3 s of style recalculation
 * in Chromium (scripts/measure-style-insertion.mjs), whether or not any mark was registered yet.
 * The same sheet inserted at document_start costs next to nothing, as manifest CSS did. So this
 * small content script runs at document_start, decides from the settings alone whether this page
 * will draw marks, and if so draws the page's highlight token and asks for the styles at once.
 * The main content script, at document_idle, takes the token over (`takeEarlyStyles` in
 * common/early-styles-handoff.ts) and from then on owns the styles as if it had asked itself.
 * Both run in the extension's isolated world, which the page cannot see.
 */
import { handOverEarlyStyles } from '../../common/early-styles-handoff';
import { decideEnablement } from '../../common/enablement';
import { newHighlightToken } from '../../common/highlight-names';
import { askBackground } from '../../common/messaging';
import { loadSettings } from '../../common/settings-store';

/** Sets up the handoff at once (synchronously), then asks if the page is marked. */
export function requestEarlyStyles(): void {
  // Only HTML documents are marked (the main content script's own check).
  if (document.contentType !== 'text/html') return;
  const token = newHighlightToken((bytes) => crypto.getRandomValues(bytes));
  const inserted = (async () => {
    const enablement = decideEnablement(await loadSettings(), location.href);
    if (!enablement.active || enablement.stealth || enablement.markStyle === 'none') return false;
    await askBackground({ type: 'mark-styles', on: true, token });
    return true;
  })().catch(() => false);
  handOverEarlyStyles({ token, inserted });
}
