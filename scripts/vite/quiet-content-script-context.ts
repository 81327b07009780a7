import type { Plugin } from 'vite';

/**
 * WXT's ContentScriptContext announces every content script start to older copies of the script
 * with a `CustomEvent` on `document` (and a window message, which `noScriptStartedPostMessage`
 * turns off). Page scripts see DOM events too, and the event's name is
 * `<extension id>:content:wxt:content-script-started`: one listener tells a page that Firewall
 * Lens is installed, on every site and in stealth mode. Its listener also lets a page end our
 * script with a forged event. Both are removed: an old copy notices that the extension went away
 * through its own runtime (the lifecycle in docs/detection.md), not through the page's DOM.
 */
const ANNOUNCE = 'stopOldScripts() {';
const LISTEN = 'listenForNewerScripts() {';

export function quietContentScriptContext(): Plugin {
  return {
    name: 'firewall-lens:quiet-content-script-context',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/.test(id)) return null;
      for (const method of [ANNOUNCE, LISTEN]) {
        if (!code.includes(method)) {
          this.error(`wxt changed: "${method}" not found in ${id}; update ${import.meta.url}`);
        }
      }
      return {
        code: code.replace(ANNOUNCE, `${ANNOUNCE} return;`).replace(LISTEN, `${LISTEN} return;`),
        map: null,
      };
    },
  };
}
