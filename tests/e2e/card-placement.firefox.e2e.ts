import { describe } from 'vitest';
import { cardPlacementTests } from './card-placement.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('card placement in Firefox ESR', () => {
  // No viewport to set: Firefox ESR 140 rejects setViewport; the window is sized at launch.
  cardPlacementTests(launchFirefoxSession);
});
