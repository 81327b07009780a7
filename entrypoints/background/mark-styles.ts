/**
 * Inserts and removes a marking session's highlight styles in the sender's own tab and frame.
 * Nothing is shipped as manifest CSS: a stylesheet in every page would let any page read our
 * styles (`getComputedStyle(el, '::highlight(name)')`) on sites where Firewall Lens is off and in
 * stealth mode. `scripting.insertCSS` sheets are not in `document.styleSheets`, and a strict page
 * CSP does not apply to them.
 */
import { type Browser, browser } from 'wxt/browser';
import { highlightCss } from './highlight-css';
import { paintSupport } from './paint-support';

export async function setMarkStyles(
  { on, token }: { on: boolean; token: string },
  sender: Browser.runtime.MessageSender,
): Promise<null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('mark-styles: only a content script can ask');
  const injection = {
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    css: highlightCss(token, await paintSupport()),
  };
  if (on) await browser.scripting.insertCSS(injection);
  else await browser.scripting.removeCSS(injection);
  return null;
}
