import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type ChromiumExtension, launchChromium } from './harness/chromium';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import {
  chromiumTab,
  type SettingsLiveEnv,
  settingsLiveTests,
  settledMarks,
  tabIdOf,
} from './harness/settings-steps';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('settings changed in the options reach open tabs live, in Chromium', () => {
  let extension: ChromiumExtension;
  let server: StaticServer;
  let env: SettingsLiveEnv;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
    // Chromium here resolves no host but 127.0.0.1: serve the other site's page from the test.
    const otherOrigin = server.origin.replace('127.0.0.1', 'localhost');
    await extension.context.route(`${otherOrigin}/**`, (route) =>
      route.fulfill({ path: join(FIXTURE_PAGES_DIR, 'article.html') }),
    );
    const article = chromiumTab(await extension.openPage(`${server.origin}/article.html`));
    const otherSite = chromiumTab(await extension.openPage(`${otherOrigin}/article.html`));
    const options = chromiumTab(await extension.openExtensionPage('options.html'));
    const baseline = await settledMarks(article);
    await settledMarks(otherSite);
    env = {
      article,
      otherSite,
      options,
      articleTabId: await tabIdOf(article, options),
      otherTabId: await tabIdOf(otherSite, options),
      baseline,
    };
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  settingsLiveTests(it, beforeEach, () => env);
});
