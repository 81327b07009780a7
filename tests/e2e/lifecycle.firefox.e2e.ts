import { describe } from 'vitest';
import { launchFirefoxSession } from './harness/firefox';
import { lifecycleTests } from './lifecycle.expectations';

describe('open pages follow the extension’s life in Firefox ESR', () => {
  lifecycleTests(launchFirefoxSession, {
    manager: (session) => session.extension.extensionManager(),
    stylesOutliveTheExtension: false,
    canUninstall: true,
  });
});
