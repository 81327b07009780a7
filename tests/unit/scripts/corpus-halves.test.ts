import { describe, expect, it } from 'vitest';
import { corpusHalf, HALVES } from '../../../scripts/quality/corpus-halves.mjs';

describe('the quality corpus in a tuning and a measuring half', () => {
  it('puts a page in the same half every time, whatever else is in the corpus', () => {
    // Fixed by the rule (FNV-1a of the name, even: tuning): a changed rule would move pages
    // between the halves and make earlier tuning count as measuring.
    expect(corpusHalf('aclu.html')).toBe('measuring');
    expect(corpusHalf('qq.html')).toBe('tuning');
    expect(corpusHalf('wikipedia.html')).toBe('measuring');
    expect(corpusHalf('cnet.html')).toBe('tuning');
  });

  it('splits any set of page names into two halves of about the same size', () => {
    const names = Array.from({ length: 2_000 }, (_, i) => `page-${i}.html`);
    const tuning = names.filter((name) => corpusHalf(name) === 'tuning').length;
    expect(tuning).toBeGreaterThan(900);
    expect(tuning).toBeLessThan(1_100);
  });

  it('gives every name one of the two halves, names outside ASCII too', () => {
    for (const name of ['', '新闻.html', 'a', 'Z'.repeat(300)]) {
      expect(HALVES).toContain(corpusHalf(name));
    }
  });
});
