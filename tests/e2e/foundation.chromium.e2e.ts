import { describe, expect, it } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { sendMessage } from './harness/extension-pages';
import { expectPingReply, foundationTests } from './harness/foundation-expectations';

describe('the built extension in Chromium', () => {
  const env = foundationTests(launchChromiumSession);

  // Chromium only: its MV3 background is a service worker that the browser stops when idle, and
  // the test can stop it on demand (CDP). Firefox runs the background as an event page.
  it('the background answers again after Chromium stopped its idle service worker', async () => {
    const { session, popup, version } = env();
    await session.extension.evaluateInServiceWorker(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    });
    await session.extension.stopServiceWorker();
    expectPingReply(await sendMessage(popup, { type: 'ping' }), version);
    // A fresh global scope proves the worker really restarted rather than never stopping.
    const survived = await session.extension.evaluateInServiceWorker(
      () => (globalThis as { beforeStop?: boolean }).beforeStop ?? false,
    );
    expect(survived).toBe(false);
  });
});
