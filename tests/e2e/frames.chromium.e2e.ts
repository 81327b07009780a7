import { describe } from 'vitest';
import { framesTests } from './frames.expectations';
import { launchChromiumSession } from './harness/chromium';

describe('stories in frames, in Chromium', () => {
  framesTests(launchChromiumSession, { popupCanCloseItself: true });
});
