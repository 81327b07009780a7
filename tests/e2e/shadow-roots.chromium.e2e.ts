import { describe } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { shadowRootTests } from './shadow-roots.expectations';

describe('stories in shadow roots in Chromium', () => {
  shadowRootTests(launchChromiumSession, { drawsInShadowRoots: true });
});
