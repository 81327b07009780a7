import { join } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { settingsLiveTests } from './harness/settings-live-suite';

describe('settings changed in the options reach open tabs live, in Chromium', () => {
  settingsLiveTests(launchChromiumSession, (session, otherOrigin) =>
    // Chromium here resolves no host but 127.0.0.1: serve the other site's page from the test.
    session.extension.context.route(`${otherOrigin}/**`, (route) =>
      route.fulfill({ path: join(FIXTURE_PAGES_DIR, 'article.html') }),
    ),
  );
});
