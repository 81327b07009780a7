import { describe } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { platformsSuite } from './platforms.expectations';

describe('blocked platforms, X and platform links in Chromium', () => {
  platformsSuite(launchChromiumSession);
});
