import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { shadowRootTests } from './shadow-roots.expectations';

describe('stories in shadow roots in Firefox ESR', () => {
  shadowRootTests(launchFirefoxSession, { drawsInShadowRoots: false });
});
