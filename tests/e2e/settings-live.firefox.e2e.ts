import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { settingsLiveTests } from './harness/settings-live-suite';

describe('settings changed in the options reach open tabs live, in Firefox ESR', () => {
  // Firefox never sends localhost through the (dead) proxy: the same server answers as another host.
  settingsLiveTests(launchFirefoxSession);
});
