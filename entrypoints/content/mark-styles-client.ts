/**
 * Keeps the background's stylesheet for this page's highlight names (`mark-styles` in
 * common/protocol.ts) in step with whether the page draws marks. Requests go one after another;
 * each asks for the state wanted when its turn comes, so quick toggles end in the last one.
 */
export class MarkStylesClient {
  private inserted = false;
  private wanted = false;
  private queue: Promise<void> = Promise.resolve();

  /** `alreadyInserted`: whether someone else (the document_start script) already asked. */
  constructor(
    private readonly send: (on: boolean) => Promise<unknown>,
    alreadyInserted?: Promise<boolean>,
  ) {
    if (alreadyInserted) {
      this.queue = alreadyInserted.then((inserted) => {
        this.inserted = inserted;
      });
    }
  }

  /** Resolves once the styles are as asked (or the request failed: the next call tries again). */
  set(on: boolean): Promise<void> {
    this.wanted = on;
    this.queue = this.queue.then(async () => {
      const target = this.wanted;
      if (target === this.inserted) return;
      try {
        await this.send(target);
        this.inserted = target;
      } catch {
        // The background is restarting (askBackground tried twice) or gone. Firefox then drops
        // the sheet with the extension; Chromium keeps it in the page (docs/detection.md).
      }
    });
    return this.queue;
  }

  /** After an invalidation: nothing can be asked any more, and nothing is to be tried again. */
  forget(): void {
    this.wanted = false;
    this.inserted = false;
  }
}
