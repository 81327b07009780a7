/**
 * The one element Firewall Lens adds to a page, and only once the user asks for a card: a
 * `<firewall-lens-ui>` with `all: initial`, a shadow root holding the card and its stylesheet.
 * In stealth mode it has a random neutral name instead (see `host-name.ts`) and a closed shadow
 * root. Modelled on 10ten Japanese Reader's `src/content/content-container.ts`.
 */
import cardCss from '../../../components/context-card.css?inline';
import tokensCss from '../../../components/tokens.css?inline';
import { UI_HOST_TAG } from '../marking/scan-regions';
import { registerUiHost } from '../own-hosts';

export interface UiHost {
  readonly element: HTMLElement;
  /** Where the card is rendered; floating-ui positions it. */
  readonly mount: HTMLElement;
  readonly closed: boolean;
  /** Whether an event target (retargeted to the host outside the shadow root) is ours. */
  owns(target: EventTarget | null): boolean;
  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean;
  /** Re-parents the host into the fullscreen element (or back), so the card stays visible. */
  followFullscreen(): void;
  remove(): void;
}

/**
 * Elements whose children are never rendered: moving the host into a fullscreen `<video>` would
 * hide the card instead of showing it.
 */
const REPLACED = new Set(['VIDEO', 'AUDIO', 'IFRAME', 'CANVAS', 'IMG', 'EMBED', 'OBJECT']);

function addStyles(root: ShadowRoot, doc: Document): void {
  // A constructed stylesheet is CSSOM, not markup: a strict page CSP (`style-src` without
  // 'unsafe-inline') blocks a `<style>` element but not this.
  try {
    root.adoptedStyleSheets = [tokensCss, cardCss].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    return;
  } catch {
    // Browsers without constructable stylesheets in content scripts: fall back to markup.
  }
  const style = doc.createElement('style');
  style.textContent = tokensCss + cardCss;
  root.append(style);
}

export interface UiHostOptions {
  /** A closed shadow root: page scripts cannot read the card (stealth mode). */
  closed: boolean;
  /** The element's name; `UI_HOST_TAG` unless stealth mode gives a neutral one. */
  tagName?: string;
}

export function createUiHost(doc: Document, options: UiHostOptions): UiHost {
  // A host left by a previous copy of this content script (the extension was updated meanwhile).
  for (const stale of doc.querySelectorAll(UI_HOST_TAG)) stale.remove();

  const element = doc.createElement(options.tagName ?? UI_HOST_TAG);
  registerUiHost(element);
  // CSSOM writes are not subject to the page's CSP, unlike a `style` attribute in markup. Not
  // `!important` here (axe's avoid-inline-spacing): the shadow stylesheet's
  // `:host { all: initial !important }` beats the page's own `!important` rules instead.
  element.style.setProperty('all', 'initial');
  // Open by default so the page-level tests and assistive tools can read the card; in stealth
  // mode the page's scripts must not be able to read which term the user is looking at.
  const root = element.attachShadow({ mode: options.closed ? 'closed' : 'open' });
  addStyles(root, doc);
  const mount = doc.createElement('div');
  mount.className = 'fl-float';
  root.append(mount);
  doc.documentElement.append(element);

  return {
    element,
    mount,
    closed: options.closed,
    owns: (target) => target === element,
    hasFocus: () => root.activeElement !== null,
    followFullscreen() {
      const full = doc.fullscreenElement;
      const parent = full && !REPLACED.has(full.tagName) ? full : doc.documentElement;
      if (element.parentNode !== parent) parent.append(element);
    },
    remove: () => element.remove(),
  };
}
