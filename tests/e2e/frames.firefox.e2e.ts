import { describe } from 'vitest';
import { framesTests } from './frames.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('stories in frames, in Firefox ESR', () => {
  framesTests(launchFirefoxSession, { popupCanCloseItself: false });
});
