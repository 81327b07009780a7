import { describe } from 'vitest';
import { cardTests } from './cards.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('context cards in Firefox ESR', () => {
  cardTests(launchFirefoxSession, {
    // The test cannot stop Firefox's background on demand: the show budget is checked warm.
    checkWarmShowBudget: true,
    // No color-scheme emulation: Puppeteer emulates media features over CDP, which Firefox's
    // WebDriver BiDi connection does not offer; axe checks the card in the default scheme.
  });
});
