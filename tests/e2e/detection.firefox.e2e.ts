import { describe } from 'vitest';
import { detectionSuite } from './detection.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('detection and marking in Firefox ESR', () => {
  detectionSuite(launchFirefoxSession);
});
