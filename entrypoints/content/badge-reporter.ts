/**
 * Tells the background how many mentions the page has, for the toolbar badge: at most once per
 * BADGE_DEBOUNCE_MS and only when the number changed, so a page streaming in content does not
 * wake the background worker for every paragraph.
 */

/** Long enough to cover a full scan's slices; short enough to feel immediate. */
export const BADGE_DEBOUNCE_MS = 250;

/** What the badge shows after a send failed: no count equals it, so the next one is sent. */
const UNKNOWN = -1;

export class BadgeReporter {
  /** A fresh tab shows no badge, which is what 0 looks like. */
  private sent = 0;
  private wanted = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (total: number) => Promise<unknown>) {}

  report(total: number): void {
    this.wanted = total;
    if (total === this.sent) {
      this.cancel();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, BADGE_DEBOUNCE_MS);
  }

  /** Sends 0 now if anything else was shown (the page stopped being marked). */
  reset(): void {
    this.cancel();
    this.wanted = 0;
    this.flush();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    if (this.wanted === this.sent) return;
    const total = this.wanted;
    this.sent = total;
    // A lost update leaves the badge unknown, so the next report sends again.
    const lost = () => {
      if (this.sent === total) this.sent = UNKNOWN;
    };
    try {
      // The background may be restarting or the extension updated under the page
      // ("Extension context invalidated"): a lost badge update must never surface as an error.
      this.send(total).catch(lost);
    } catch {
      // sendMessage throws synchronously once the context is invalidated.
      lost();
    }
  }
}
