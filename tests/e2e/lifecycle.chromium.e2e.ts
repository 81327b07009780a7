import { describe } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { lifecycleTests } from './lifecycle.expectations';

describe('open pages follow the extension’s life in Chromium', () => {
  lifecycleTests(launchChromiumSession, {
    manager: (session) => session.extension.extensionManager(),
    stylesOutliveTheExtension: true,
    canUninstall: false,
  });
});
