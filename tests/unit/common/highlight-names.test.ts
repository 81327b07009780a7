import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/glossary-types';
import {
  allHighlightNames,
  highlightName,
  isHighlightToken,
  newHighlightToken,
} from '../../../common/highlight-names';

const cryptoFill = (bytes: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(bytes);

describe('highlight tokens', () => {
  it('are 12 characters, a letter first, and differ from draw to draw', () => {
    const tokens = Array.from({ length: 200 }, () => newHighlightToken(cryptoFill));
    for (const token of tokens) expect(isHighlightToken(token), token).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('use the whole alphabet, also from all-zero and all-255 bytes', () => {
    expect(newHighlightToken((bytes) => bytes.fill(0))).toBe('aaaaaaaaaaaa');
    expect(isHighlightToken(newHighlightToken((bytes) => bytes.fill(255)))).toBe(true);
    const seen = new Set(Array.from({ length: 300 }, () => newHighlightToken(cryptoFill)).join(''));
    expect(seen.size).toBe(36);
  });

  it.each([
    '',
    'firewall-lens',
    '1aaaaaaaaaaa',
    'Aaaaaaaaaaaa',
    'aaaaaaaaaaa',
    'aaaaaaaaaaaaa',
    'aaaaaa)aaaaa',
    42,
    null,
  ])('rejects %j', (value) => {
    expect(isHighlightToken(value)).toBe(false);
  });
});

describe('highlight names', () => {
  it('carry the token, the style and the category', () => {
    expect(highlightName('k3x9a0b7c2d4', 'policy', 'underline')).toBe('k3x9a0b7c2d4-policy');
    expect(highlightName('k3x9a0b7c2d4', 'policy', 'background')).toBe('k3x9a0b7c2d4-bg-policy');
  });

  it('are distinct for every category and style', () => {
    const names = allHighlightNames('k3x9a0b7c2d4');
    expect(names).toHaveLength(CATEGORIES.length * 2);
    expect(new Set(names).size).toBe(names.length);
  });
});
