import { describe } from 'vitest';
import { chineseInterfaceTests } from './chinese-interface.expectations';
import { launchChromiumSession } from './harness/chromium';

describe('Firewall Lens in a Chromium whose own interface is Chinese (LANGUAGE=zh_CN)', () => {
  chineseInterfaceTests(() => launchChromiumSession({ uiLanguage: 'zh_CN' }));
});
