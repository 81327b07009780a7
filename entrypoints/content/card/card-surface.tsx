/**
 * Where the card is drawn: the one UI host (created on the first card, see `ui-host.ts`) and the
 * Preact render into it. In stealth mode the host has a random neutral name, a closed shadow root,
 * and is removed between cards, so nothing of ours stays in the page.
 */
import { render } from 'preact';
import type { CardView } from '../../../common/protocol';
import { ContextCard } from '../../../components/ContextCard';
import { neutralHostName } from './host-name';
import { createUiHost, type UiHost } from './ui-host';

export interface CardHandlers {
  onClose(): void;
  onRelated(id: string): void;
  openReader(quoteIndex: number): void;
  togglePin(): void;
  copyQuote(quoteIndex: number): Promise<boolean>;
}

export interface CardSurface {
  /** Renders (or re-renders) the card and returns the element the card is positioned by. */
  show(card: CardView, handlers: CardHandlers, state: { pinned: boolean }): HTMLElement;
  /** Empties the card (and, in stealth mode, takes the host out of the page). */
  clear(): void;
  owns(target: EventTarget | null): boolean;
  hasFocus(): boolean;
  focusDialog(): void;
  followFullscreen(): void;
  destroy(): void;
}

export function createCardSurface(doc: Document, stealth: () => boolean): CardSurface {
  let host: UiHost | undefined;
  // One name per page load: random, so no page can look for a known one.
  let stealthHostName: string | undefined;

  function ensureHost(): UiHost {
    const closed = stealth();
    if (host && host.closed !== closed) {
      host.remove();
      host = undefined;
    }
    if (!host) {
      stealthHostName ??= neutralHostName((bytes) => crypto.getRandomValues(bytes));
      host = createUiHost(doc, { closed, tagName: closed ? stealthHostName : undefined });
      host.followFullscreen();
    }
    return host;
  }

  function removeHost(): void {
    if (!host) return;
    render(null, host.mount);
    host.remove();
    host = undefined;
  }

  return {
    show(card, handlers, state) {
      const ui = ensureHost();
      render(
        <ContextCard
          card={card}
          variant="inline"
          onClose={handlers.onClose}
          onRelated={handlers.onRelated}
          reader={{ open: handlers.openReader }}
          pin={{ pinned: state.pinned, toggle: handlers.togglePin }}
          copyQuote={handlers.copyQuote}
        />,
        ui.mount,
      );
      return ui.mount;
    },
    clear() {
      if (!host) return;
      if (host.closed) removeHost();
      else render(null, host.mount);
    },
    owns: (target) => host?.owns(target) ?? false,
    hasFocus: () => host?.hasFocus() ?? false,
    focusDialog() {
      host?.mount.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    followFullscreen: () => host?.followFullscreen(),
    destroy: removeHost,
  };
}
