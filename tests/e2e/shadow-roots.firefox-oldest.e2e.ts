import { describe } from 'vitest';
import { launchOldestFirefoxSession } from './harness/firefox';
import { shadowRootTests } from './shadow-roots.expectations';

// Firefox ESR 140, the oldest the manifest accepts: its marks are chips, not lines.
describe('stories in shadow roots in the oldest Firefox the manifest accepts', () => {
  shadowRootTests(launchOldestFirefoxSession, { drawsInShadowRoots: false });
});
