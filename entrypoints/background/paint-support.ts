/**
 * What the browser paints inside `::highlight()`. Chromium 105+ paints colours, backgrounds, text
 * decorations and shadows. Gecko paints `color` and `background-color` from 140, text decorations
 * only from 146 (and text shadows from 149).
 *
 * Painting cannot be observed by script: Firefox ESR 140's `getComputedStyle(el,
 * '::highlight(x)')` reports `underline 3px` for a rule it does not draw (measured). So the engine
 * comes from the build (each browser gets its own) and Gecko's version from
 * `runtime.getBrowserInfo()`, never from the user-agent string a page or a setting can change;
 * the pixel tests (tests/e2e/mark-pixels.*) hold this table to what is drawn on screen in
 * Chromium, the current Firefox ESR and Firefox ESR 140.
 */
import { browser } from 'wxt/browser';

export interface PaintSupport {
  engine: 'blink' | 'gecko';
  /** `text-decoration` inside `::highlight()` is drawn. */
  decorations: boolean;
}

/** The first Gecko that draws `text-decoration` in `::highlight()`. */
export const GECKO_DECORATIONS_FROM = 146;

/** Gecko's support from its version ("140.12.0"); an unreadable one is taken as the oldest. */
export function geckoPaintSupport(version: string | undefined): PaintSupport {
  const major = Number.parseInt(version ?? '', 10);
  return {
    engine: 'gecko',
    decorations: Number.isInteger(major) && major >= GECKO_DECORATIONS_FROM,
  };
}

type BrowserInfoRuntime = { getBrowserInfo?: () => Promise<{ version?: string }> };

let cached: Promise<PaintSupport> | undefined;

/** This browser's support, read once per background start. */
export function paintSupport(): Promise<PaintSupport> {
  cached ??= import.meta.env.FIREFOX
    ? readGeckoVersion().then(geckoPaintSupport)
    : Promise.resolve({ engine: 'blink', decorations: true });
  return cached;
}

async function readGeckoVersion(): Promise<string | undefined> {
  try {
    return (await (browser.runtime as BrowserInfoRuntime).getBrowserInfo?.())?.version;
  } catch {
    // Fall back to what every supported Firefox draws.
    return undefined;
  }
}
