import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type FirefoxExtension, launchFirefox } from './harness/firefox';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import {
  firefoxTab,
  type SettingsLiveEnv,
  settingsLiveTests,
  settledMarks,
  tabIdOf,
} from './harness/settings-steps';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('settings changed in the options reach open tabs live, in Firefox ESR', () => {
  let extension: FirefoxExtension;
  let server: StaticServer;
  let env: SettingsLiveEnv;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchFirefox();
    // Firefox never sends localhost through the (dead) proxy: the same server, another host.
    const otherOrigin = server.origin.replace('127.0.0.1', 'localhost');
    const article = firefoxTab(await extension.openPage(`${server.origin}/article.html`));
    const otherSite = firefoxTab(await extension.openPage(`${otherOrigin}/article.html`));
    const options = firefoxTab(await extension.openExtensionPage('options.html'));
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
