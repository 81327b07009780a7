/**
 * Runs in every sub-frame and decides, from what the frame can see of itself at no cost, whether
 * the full content script is worth parsing there (common/frame-rules.ts); if so, the background
 * runs it in this frame (`frame-script`). The full script is about 250 kB: parsed in each of a
 * news page's twenty ad frames it would cost more than the reader should pay for ads. This file is
 * kept small for the same reason: it imports nothing but the rules.
 * The top frame gets the full script from the manifest, so the gate does nothing there.
 */
import { judgeFrame } from '../../common/frame-rules';
import type { BackgroundRequest } from '../../common/protocol';
import { readFrameFacts } from './frame-facts';

/**
 * The extension API without webextension-polyfill: the polyfill and WXT's content-script context
 * were four fifths of this script (29.7 kB, about 5 ms per ad frame in Chromium), and one message
 * needs neither. Firefox has `browser`; Chromium's `chrome.runtime.sendMessage` returns a promise
 * in Manifest V3.
 */
interface RuntimeOnly {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
const api =
  (globalThis as { browser?: RuntimeOnly; chrome?: RuntimeOnly }).browser ??
  (globalThis as { chrome?: RuntimeOnly }).chrome;

/**
 * An unlisted script declared as a content script in wxt.config.ts (all frames), not a WXT
 * content-script entrypoint: it needs no `ctx`, since it leaves nothing behind (no listener,
 * timer or node) after its one message.
 */
export default defineUnlistedScript(() => {
  if (window === window.top) return;
  if (judgeFrame(readFrameFacts(window, document)) === 'skip') return;
  // Only HTML documents with a body hold text to mark (asked last: see readFrameFacts).
  if (!(document.body instanceof HTMLElement)) return;
  // Sent directly, not through common/messaging.ts: that module brings the protocol's parsers
  // (and the common-words list) into this bundle. The reply is not read. The background may be
  // restarting or the extension updating: the frame then stays unmarked.
  const request: BackgroundRequest = { type: 'frame-script' };
  api?.runtime.sendMessage(request).catch(() => undefined);
});
