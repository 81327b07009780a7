import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { popupTests } from './harness/popup-suite';

describe('the toolbar popup over an article, in Firefox ESR', () => {
  popupTests(launchFirefoxSession, { popupCanCloseItself: false });
});
