/**
 * One MutationObserver for the page. Its callback only stores the records; they are handed on in
 * one batch from a task of our own (as uBlock Origin does), so the page's work that caused them is
 * never lengthened by ours, and a burst of DOM changes over a few tasks is read once.
 */
import { REGION_ATTRIBUTES } from './scan-regions';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: [...REGION_ATTRIBUTES],
};

export class MutationBatcher {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observed = new WeakSet<ShadowRoot>();

  constructor(
    target: Node,
    private readonly onBatch: (records: MutationRecord[]) => void,
  ) {
    this.observer = new MutationObserver((records) => {
      for (const record of records) this.pending.push(record);
      this.timer ??= setTimeout(() => this.flush(), 0);
    });
    this.observer.observe(target, OBSERVED);
  }

  /**
   * Follows an open shadow root too (subtree observation stops at shadow boundaries): its
   * records come in the same batches as the document's. Observing a root twice changes nothing.
   */
  observe(root: ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVED);
  }

  /** Hands on everything observed so far. */
  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const records = this.pending.concat(this.observer.takeRecords());
    this.pending = [];
    if (records.length > 0) this.onBatch(records);
  }

  disconnect(): void {
    this.observer.disconnect();
    this.observed = new WeakSet();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
