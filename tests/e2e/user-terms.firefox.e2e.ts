import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { userTermsTests } from './user-terms.expectations';

describe('the reader’s own terms, in Firefox ESR', () => {
  userTermsTests(launchFirefoxSession);
});
