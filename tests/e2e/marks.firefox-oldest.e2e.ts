import { describe } from 'vitest';
import { GECKO_ID } from '../../common/extension-ids';
import { launchOldestFirefoxSession } from './harness/firefox';
import { marksSuite } from './marks.expectations';

// Firefox ESR 140, the oldest the manifest accepts: it draws no text-decoration in ::highlight().
describe('marks and stealth in the oldest Firefox the manifest accepts', () => {
  marksSuite(launchOldestFirefoxSession, { runtimeId: () => GECKO_ID, paintsLines: false });
});
