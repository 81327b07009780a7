import { describe, expect, it } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { foundationTests } from './harness/foundation-expectations';

/** Runs in an extension page. */
function holdsHostPermission(origin: string): Promise<boolean> {
  const { browser } = globalThis as unknown as {
    browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
  };
  return browser.permissions.contains({ origins: [origin] });
}

describe('the built extension in Firefox ESR', () => {
  const env = foundationTests(launchFirefoxSession);

  // Firefox only: Firefox MV3 treats content-script hosts as revocable host permissions; a
  // temporary add-on (and, from Firefox 127, a user who accepts the install prompt) gets them at
  // install. Chromium grants a content script's matches with the install itself.
  it('holds the host permission its content script needs on http pages', async () => {
    expect(await env().popup.evaluate(holdsHostPermission, 'http://127.0.0.1/*')).toBe(true);
  });
});
