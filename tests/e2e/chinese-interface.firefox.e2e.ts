import { describe } from 'vitest';
import { chineseInterfaceTests } from './chinese-interface.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('Firewall Lens in a Firefox ESR whose own interface is Chinese (intl.locale.requested)', () => {
  chineseInterfaceTests(() => launchFirefoxSession({ uiLanguage: 'zh-CN' }));
});
