/**
 * How the document_start script (`entrypoints/early-styles.content/`) hands the page's highlight
 * token and its styles request to the main content script (`entrypoints/content/index.ts`). Two
 * entrypoints, two bundles, one isolated world: a property of that world's global object is the
 * only thing both see, and the page cannot.
 */
export interface EarlyStyles {
  token: string;
  /** Whether the styles were inserted (false: not wanted on this page, or the request failed). */
  inserted: Promise<boolean>;
}

const HANDOFF = '__firewallLensEarlyStyles';

type Scope = { [HANDOFF]?: EarlyStyles };

/** document_start: leave the token and the pending request for the main script. */
export function handOverEarlyStyles(early: EarlyStyles): void {
  (globalThis as Scope)[HANDOFF] = early;
}

/** document_idle: what the early script set up, if it ran (once: the handoff is removed). */
export function takeEarlyStyles(): EarlyStyles | undefined {
  const scope = globalThis as Scope;
  const early = scope[HANDOFF];
  delete scope[HANDOFF];
  return early;
}
