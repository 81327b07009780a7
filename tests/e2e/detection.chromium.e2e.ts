import { describe } from 'vitest';
import { detectionSuite } from './detection.expectations';
import { launchChromiumSession } from './harness/chromium';

describe('detection and marking in Chromium', () => {
  detectionSuite(launchChromiumSession);
});
