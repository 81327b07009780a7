/**
 * Runs in every sub-frame and decides, from what the frame can see of itself at no cost, whether
 * the full content script is worth parsing there (common/frame-rules.ts); if so, the background
 * runs it in this frame (`frame-script`). The full script is about 250 kB: parsed in each of a
 * news page's twenty ad frames it would cost more than the reader should pay for ads. This file is
 * kept small for the same reason: it imports nothing but the rules and the message sender.
 * The top frame gets the full script from the manifest, so the gate does nothing there.
 */
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import { judgeFrame } from '../../common/frame-rules';
import { askBackground } from '../../common/messaging';
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
    // The background may be restarting or the extension updating: the frame stays unmarked.
    askBackground({ type: 'frame-script' }).catch(() => undefined);
  },
});
