/**
 * Notices single-page-app navigations (history.pushState) while the page is marked, so the new
 * "page" is rescanned from its own article. WXT's `wxt:locationchange` does the same but cannot
 * be stopped before the extension is unloaded; switching Firewall Lens off must leave no listener
 * and no timer behind, so this one can be.
 *
 * The Navigation API reports every same-document navigation; where it is missing (Firefox before
 * 147) the URL is polled, as WXT does. Fragment changes (#section links) are not new pages.
 */

/** As WXT's own poll. */
const POLL_MS = 1_000;

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function watchLocation(onChange: (url: string) => void): () => void {
  let last = withoutHash(location.href);
  const check = () => {
    const now = withoutHash(location.href);
    if (now === last) return;
    last = now;
    onChange(location.href);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation !== undefined && typeof navigation.addEventListener === 'function') {
    const controller = new AbortController();
    // Fires after the URL changed, for pushState, replaceState and traversals alike.
    navigation.addEventListener('currententrychange', check, { signal: controller.signal });
    return () => controller.abort();
  }
  const timer = setInterval(check, POLL_MS);
  return () => clearInterval(timer);
}
