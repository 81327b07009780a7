/**
 * Every timing of the inline card, with the reason it has its value. Wikipedia's Page Previews
 * (`wikimedia/mediawiki-extensions-Popups`) is the model: it waits 150 ms before fetching, shows the
 * card at 500 ms, and gives the pointer 300 ms to come back before abandoning a preview.
 */

// The wait before a card opens is the `hoverDelayMs` setting (HOVER_DELAY_DEFAULT_MS in
// common/settings.ts), which the reader can change.

/**
 * How long a card stays after the pointer leaves its mention (or the card itself). The pointer
 * has to cross the gap between the line and the card, and a diagonal path often clips page text
 * on the way; Page Previews' `ABANDON_END_DELAY` is the same 300 ms.
 */
export const HIDE_GRACE_MS = 300;

/**
 * After the scanner reports mentions, wait this long for a quiet moment before prefetching their
 * cards, so the prefetch never competes with the page's own first paint and scripts.
 */
export const PREFETCH_IDLE_TIMEOUT_MS = 2_000;
