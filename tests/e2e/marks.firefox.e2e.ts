import { describe } from 'vitest';
import { GECKO_ID } from '../../common/extension-ids';
import { launchFirefoxSession } from './harness/firefox';
import { marksSuite } from './marks.expectations';

describe('marks and stealth in Firefox ESR', () => {
  marksSuite(launchFirefoxSession, { runtimeId: () => GECKO_ID, paintsLines: true });
});
