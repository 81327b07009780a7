/**
 * The tag name of the card's host in stealth mode. `<firewall-lens-ui>` would tell any page script
 * that looks for it that this extension is installed; in stealth the host gets a custom-element
 * name made of random letters, new on every page load, so finding it means recognising "some
 * extension's element" rather than matching a known string.
 */

/** Names the HTML standard forbids for custom elements (they all contain a hyphen). */
const RESERVED = new Set([
  'annotation-xml',
  'color-profile',
  'font-face',
  'font-face-src',
  'font-face-uri',
  'font-face-format',
  'font-face-name',
  'missing-glyph',
]);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A valid custom-element name (lower-case ASCII letters, one hyphen, starting with a letter) from
 * `fill`, which fills an array with random bytes (`crypto.getRandomValues` in the browser).
 */
export function neutralHostName(fill: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  for (;;) {
    const bytes = new Uint8Array(14);
    fill(bytes);
    // Parts of 3 to 6 letters each: a fixed shape would itself be a signature.
    const firstLength = 3 + ((bytes[0] ?? 0) % 4);
    const secondLength = 3 + ((bytes[1] ?? 0) % 4);
    const letter = (index: number) => LETTERS[(bytes[index] ?? 0) % LETTERS.length];
    let first = '';
    for (let i = 0; i < firstLength; i++) first += letter(2 + i);
    let second = '';
    for (let i = 0; i < secondLength; i++) second += letter(2 + firstLength + i);
    const name = `${first}-${second}`;
    if (!RESERVED.has(name)) return name;
  }
}
