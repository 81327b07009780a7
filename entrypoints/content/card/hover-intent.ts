/**
 * When the inline card opens and closes, as a pure state machine: pointer on a mention, pointer in
 * the card, a show delay, a grace period on leaving, and a token per opening so that an answer
 * that arrives late never shows the wrong card (Page Previews' `src/actions.js` does the same).
 * Timers are injected, so tests drive it with fake time and the browser glue stays thin.
 *
 * A pinned card (a click, a tap, Enter, the pin button, a command) stays while the pointer is
 * elsewhere: no grace period runs for it and hovering other mentions opens nothing, so the reader
 * can read, select and copy it. Only closing (Escape, the close button, a press elsewhere) or
 * pinning another mention's card replaces it: one card at a time.
 */

export type OpenReason = 'hover' | 'click' | 'tap' | 'focus' | 'reveal' | 'related';

export interface HoverIntentEffects<T> {
  /** Starts a timer and returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
  /** The pointer has come to rest on `target`: a good moment to warm the card cache. */
  warm?(target: T): void;
  /** Shows (or replaces) the card for `target`. Work done for it is current while `isCurrent(token)`. */
  open(target: T, token: number, reason: OpenReason): void;
  close(): void;
  /** The open card was pinned or unpinned (it shows a pressed pin button). */
  pinChanged?(pinned: boolean): void;
}

export interface HoverIntentOptions<T> {
  showDelayMs: number;
  hideGraceMs: number;
  /** Two reports of the pointer on the same mention must not restart the delay. */
  same?: (a: T, b: T) => boolean;
}

export class HoverIntent<T> {
  private hovered: T | undefined;
  private shown: { target: T; token: number; reason: OpenReason; pinned: boolean } | undefined;
  private inCard = false;
  private lastToken = 0;
  private cancelShow: (() => void) | undefined;
  private cancelHide: (() => void) | undefined;
  private showDelayMs: number;
  private readonly hideGraceMs: number;
  private readonly same: (a: T, b: T) => boolean;

  constructor(
    private readonly effects: HoverIntentEffects<T>,
    options: HoverIntentOptions<T>,
  ) {
    this.showDelayMs = options.showDelayMs;
    this.hideGraceMs = options.hideGraceMs;
    this.same = options.same ?? Object.is;
  }

  /** What the open card is about, if one is open. */
  get current(): T | undefined {
    return this.shown?.target;
  }

  get currentReason(): OpenReason | undefined {
    return this.shown?.reason;
  }

  /** Whether the open card stays while the pointer is elsewhere. */
  get pinned(): boolean {
    return this.shown?.pinned ?? false;
  }

  /** Whether work started for the opening with `token` may still touch the card. */
  isCurrent(token: number): boolean {
    return this.shown?.token === token;
  }

  setShowDelay(ms: number): void {
    this.showDelayMs = ms;
  }

  /** The pointer is over `target` (called on every move; repeated calls change nothing). */
  enterTarget(target: T): void {
    if (this.hovered !== undefined && this.same(this.hovered, target)) return;
    this.hovered = target;
    this.stopShowTimer();
    // The reader is reading the pinned card: passing over other mentions must not replace it.
    if (this.shown?.pinned) return;
    if (this.shown && this.same(this.shown.target, target)) {
      this.stopHideTimer();
      return;
    }
    this.effects.warm?.(target);
    this.cancelShow = this.effects.setTimer(() => {
      this.cancelShow = undefined;
      this.openNow(target, 'hover');
    }, this.showDelayMs);
  }

  /** The pointer is over nothing we mark (and not over the card). */
  leaveTarget(): void {
    if (this.hovered === undefined) return;
    this.hovered = undefined;
    this.stopShowTimer();
    if (this.shown && !this.inCard && !this.shown.pinned) this.startHideTimer();
  }

  enterCard(): void {
    this.inCard = true;
    this.stopHideTimer();
  }

  leaveCard(): void {
    if (!this.inCard) return;
    this.inCard = false;
    const onShownTarget =
      this.shown !== undefined &&
      this.hovered !== undefined &&
      this.same(this.shown.target, this.hovered);
    if (this.shown && !onShownTarget && !this.shown.pinned) this.startHideTimer();
  }

  /**
   * Opens without waiting: a click, a tap, a keyboard focus, a command, a related term in the
   * card. `pinned` opens it pinned; pinning the card already open on `target` only pins it.
   */
  openNow(target: T, reason: OpenReason, pinned = false): void {
    this.stopShowTimer();
    this.stopHideTimer();
    // A related term is another card on the same mention: it replaces the card.
    if (pinned && reason !== 'related' && this.shown && this.same(this.shown.target, target)) {
      this.setPinned(true);
      return;
    }
    this.lastToken += 1;
    this.shown = { target, token: this.lastToken, reason, pinned };
    this.effects.open(target, this.lastToken, reason);
  }

  /**
   * Pins or unpins the open card. Unpinned, it closes after the grace period unless the pointer
   * is on it or on its mention.
   */
  setPinned(pinned: boolean): void {
    const shown = this.shown;
    if (!shown || shown.pinned === pinned) return;
    shown.pinned = pinned;
    if (pinned) {
      this.stopHideTimer();
    } else {
      const onShownTarget = this.hovered !== undefined && this.same(shown.target, this.hovered);
      if (!this.inCard && !onShownTarget) this.startHideTimer();
    }
    this.effects.pinChanged?.(pinned);
  }

  /**
   * Closes at once (Escape, a tap elsewhere). A pointer still resting on the mention does not
   * reopen it: the user has to move off and back, or the card would fight the Escape key.
   */
  close(): void {
    this.stopShowTimer();
    this.closeShown();
  }

  /** Cancels every timer without calling any effect (teardown). */
  dispose(): void {
    this.stopShowTimer();
    this.stopHideTimer();
    this.shown = undefined;
    this.hovered = undefined;
    this.lastToken += 1;
  }

  private closeShown(): void {
    this.stopHideTimer();
    this.inCard = false;
    if (!this.shown) return;
    this.shown = undefined;
    this.lastToken += 1;
    this.effects.close();
  }

  private startHideTimer(): void {
    if (this.cancelHide) return;
    this.cancelHide = this.effects.setTimer(() => {
      this.cancelHide = undefined;
      // Not `close()`: the pointer may already be resting on another mention, whose card is due.
      this.closeShown();
    }, this.hideGraceMs);
  }

  private stopShowTimer(): void {
    this.cancelShow?.();
    this.cancelShow = undefined;
  }

  private stopHideTimer(): void {
    this.cancelHide?.();
    this.cancelHide = undefined;
  }
}
