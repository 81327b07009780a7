import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { platformsSuite } from './platforms.expectations';

describe('blocked platforms, X and platform links in Firefox ESR', () => {
  platformsSuite(launchFirefoxSession);
});
