import { describe } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { userTermsTests } from './user-terms.expectations';

describe('the reader’s own terms, in Chromium', () => {
  userTermsTests(launchChromiumSession);
});
