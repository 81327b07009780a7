/**
 * Runs in every sub-frame and decides, from what the frame can see of itself at no cost, whether
 * the full content script is worth parsing there (common/frame-rules.ts); if so, the background
 * runs it in this frame (`frame-script`). The full script is about 250 kB: parsed in each of a
 * news page's twenty ad frames it would cost more than the reader should pay for ads. This file is
 * kept small for the same reason: it imports nothing but the rules.
 * The top frame gets the full script from the manifest, so the gate does nothing there.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import { judgeFrame } from '../../common/frame-rules';
import type { BackgroundRequest } from '../../common/protocol';
import { readFrameFacts } from './frame-facts';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    if (window === window.top) return;
    // Only HTML documents with a body hold text to mark.
    if (!(document.body instanceof HTMLElement)) return;
    if (judgeFrame(readFrameFacts(window, document)) === 'skip') return;
    // Sent directly, not through common/messaging.ts: that module brings the protocol's parsers
    // (and the common-words list) into this bundle, a quarter of its size in every ad frame. The
    // reply is not read. The background may be restarting or the extension updating: the frame
    // then stays unmarked.
    const request: BackgroundRequest = { type: 'frame-script' };
    browser.runtime.sendMessage(request).catch(() => undefined);
  },
});
