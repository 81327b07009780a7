/**
 * Runs the full content script in one sub-frame, when the frame gate asks for it
 * (entrypoints/frame-gate/). The gate runs in every frame; the full script, about 250 kB
 * to parse, only where there may be something to mark (common/frame-rules.ts).
 */
import { type Browser, browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** WXT names a content script's bundle after its entrypoint (entrypoints/content/). */
const MAIN_SCRIPT = 'content-scripts/content.js';

type DeclaredScript = NonNullable<Browser.runtime.Manifest['content_scripts']>[number];

/** The manifest's entry for the marking content script (not the early styles or the gate). */
export function mainContentScript(): DeclaredScript | undefined {
  const declared = browser.runtime.getManifest().content_scripts ?? [];
  // Firefox hands the paths back as full moz-extension:// addresses, Chromium as written.
  return declared.find((script) =>
    script.js?.some((path) => path === MAIN_SCRIPT || path.endsWith(`/${MAIN_SCRIPT}`)),
  );
}

export async function runContentScriptInFrame(tabId: number, frameId: number): Promise<void> {
  if (mainContentScript() === undefined) {
    throw new Error('frame-script: the manifest declares no marking content script');
  }
  const files = [MAIN_SCRIPT as ScriptPublicPath];
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files });
}
