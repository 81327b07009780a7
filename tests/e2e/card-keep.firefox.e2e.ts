import { describe } from 'vitest';
import { cardKeepTests } from './card-keep.expectations';
import { launchFirefoxSession } from './harness/firefox';

describe('the card a reader can keep, in Firefox ESR', () => {
  cardKeepTests(launchFirefoxSession, {
    widths: [1100, 400],
    suggestedKeysAssigned: true,
    resize: (page, size) => page.raw.setViewport(size),
  });
});
