/**
 * Cards already asked for on this page, so a hover after the first is instant and a stopped
 * service worker never has to wake up inside the show budget (see `entrypoints/content/card/card-timing.ts`).
 * Memory only: which cards a user read is browsing history and is never stored.
 */
import { askBackground } from '../../../common/messaging';
import type { CardView } from '../../../common/protocol';

/** The protocol's limit on ids per `cards` request. */
const MAX_IDS_PER_REQUEST = 500;

export class CardCache {
  private readonly cards = new Map<string, CardView>();
  private readonly pending = new Map<string, Promise<CardView | null>>();

  /** Forgets every card: the reader edited their terms, so a kept card may be stale. */
  clear(): void {
    this.cards.clear();
    this.pending.clear();
  }

  peek(id: string): CardView | undefined {
    return this.cards.get(id);
  }

  get(id: string): Promise<CardView | null> {
    const cached = this.cards.get(id);
    if (cached) return Promise.resolve(cached);
    const inFlight = this.pending.get(id);
    // A failed or incomplete batch falls back to asking for the one card.
    if (inFlight) return inFlight.then((card) => card ?? this.fetchOne(id));
    return this.fetchOne(id);
  }

  private fetchOne(id: string): Promise<CardView | null> {
    const request = askBackground({ type: 'card', id })
      .then((card) => {
        if (card) this.cards.set(id, card);
        return card;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, request);
    return request;
  }

  /** Asks for every card not yet known in as few requests as the protocol allows. */
  async prefetch(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cards.has(id) && !this.pending.has(id));
    for (let from = 0; from < missing.length; from += MAX_IDS_PER_REQUEST) {
      const batch = missing.slice(from, from + MAX_IDS_PER_REQUEST);
      const request = askBackground({ type: 'cards', ids: batch });
      const waiting = new Map<string, Promise<CardView | null>>();
      for (const id of batch) {
        const one = request.then(
          (cards) => cards.find((card) => card.id === id) ?? null,
          () => null,
        );
        waiting.set(id, one);
        this.pending.set(id, one);
      }
      try {
        for (const card of await request) this.cards.set(card.id, card);
      } finally {
        for (const [id, one] of waiting) {
          if (this.pending.get(id) === one) this.pending.delete(id);
        }
      }
    }
  }
}
