import { afterEach, describe, expect, it } from 'vitest';
import { neutralHostName } from '../../../../entrypoints/content/card/host-name';
import { createUiHost } from '../../../../entrypoints/content/card/ui-host';
import { UI_HOST_TAG } from '../../../../entrypoints/content/marking/scan-regions';
import { isUiHost } from '../../../../entrypoints/content/own-hosts';
import { seededRandom } from '../../../../scripts/lib/seeded-random.mjs';

const VALID_CUSTOM_ELEMENT = /^[a-z][a-z]*-[a-z]+$/;

/** A byte source that replays `values` (then zeros), to pin the name down. */
const bytesFrom =
  (values: number[]) =>
  (bytes: Uint8Array<ArrayBuffer>): void => {
    bytes.set(values.slice(0, bytes.length));
  };

afterEach(() => {
  for (const element of [...document.documentElement.children]) {
    if (element !== document.head && element !== document.body) element.remove();
  }
});

describe('the stealth host name', () => {
  it('is a valid custom-element name that says nothing about the extension', () => {
    // Seeded, so the run is the same every time (truly random letters spell "lens" now and then).
    const random = seededRandom(0x6e616d65);
    const fill = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return bytes;
    };
    for (let i = 0; i < 200; i++) {
      const name = neutralHostName(fill);
      expect(name).toMatch(VALID_CUSTOM_ELEMENT);
      expect(name).not.toMatch(/firewall|lens/);
      // The browser accepts it as a custom element that can hold a shadow root.
      expect(() => document.createElement(name).attachShadow({ mode: 'closed' })).not.toThrow();
    }
  });

  it('differs between page loads and varies in shape', () => {
    const names = new Set<string>();
    const lengths = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const name = neutralHostName((bytes) => crypto.getRandomValues(bytes));
      names.add(name);
      lengths.add(name.length);
    }
    expect(names.size).toBeGreaterThan(45);
    expect(lengths.size).toBeGreaterThan(3);
  });

  it('is built from the random bytes it is given', () => {
    // Lengths 3 + 0 and 3 + 1, then letters a, b, c and d, e, f, g.
    expect(neutralHostName(bytesFrom([0, 1, 0, 1, 2, 3, 4, 5, 6]))).toBe('abc-defg');
  });
});

describe('the UI host', () => {
  it('outside stealth is the one <firewall-lens-ui> the scanner skips, with an open shadow root', () => {
    const host = createUiHost(document, { closed: false });
    expect(host.element.localName).toBe(UI_HOST_TAG);
    expect(host.element.shadowRoot).not.toBeNull();
    expect(isUiHost(host.element)).toBe(true);
  });

  it('in stealth takes the neutral name, closes its shadow root and is still known as ours', () => {
    const host = createUiHost(document, { closed: true, tagName: 'qzv-mrkt' });
    expect(host.element.localName).toBe('qzv-mrkt');
    expect(host.element.parentElement).toBe(document.documentElement);
    expect(host.element.shadowRoot).toBeNull();
    expect(isUiHost(host.element)).toBe(true);
    expect(isUiHost(document.body)).toBe(false);
    host.remove();
    expect(document.querySelector('qzv-mrkt')).toBeNull();
  });
});
