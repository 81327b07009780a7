/**
 * Names under which marks are registered in `CSS.highlights`, and under which the background's
 * per-tab stylesheet (`entrypoints/background/highlight-css.ts`) styles them.
 *
 * The name carries the mark style because the page's DOM is never touched (not even a class on
 * <html>), so the stylesheet can only tell the styles apart by name. Every name starts with a
 * token the content script draws at random for each marking session: a page cannot style (or hide)
 * our marks with rules of its own, cannot probe styles under a name it learnt from the package, and
 * the token is no identifier that follows the reader from site to site (one stored per install
 * would be, since every marked page can read `CSS.highlights`).
 */
import { CATEGORIES, type CategoryId } from './glossary-types';

export type VisibleMarkStyle = 'underline' | 'background';

/** 12 characters: a letter (a CSS identifier may not start with a digit), then base 36. */
const TOKEN_PATTERN = /^[a-z][a-z0-9]{11}$/;
const TOKEN_LENGTH = 12;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh token from `fillRandom` (`crypto.getRandomValues` in the extension). */
export function newHighlightToken(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  const bytes = new Uint8Array(TOKEN_LENGTH);
  fillRandom(bytes);
  let token = '';
  for (let i = 0; i < TOKEN_LENGTH; i++) {
    // 26 and 36 do not divide 256; the slight bias does not matter for a name nobody can guess.
    const alphabet = i === 0 ? 26 : ALPHABET.length;
    token += ALPHABET[(bytes[i] ?? 0) % alphabet];
  }
  return token;
}

export function isHighlightToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function highlightName(
  token: string,
  category: CategoryId,
  style: VisibleMarkStyle,
): string {
  return style === 'underline' ? `${token}-${category}` : `${token}-bg-${category}`;
}

/** Every name a session with `token` can register. */
export function allHighlightNames(token: string): string[] {
  return CATEGORIES.flatMap((category) => [
    highlightName(token, category, 'underline'),
    highlightName(token, category, 'background'),
  ]);
}
