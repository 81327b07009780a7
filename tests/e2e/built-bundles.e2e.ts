/**
 * "No network request, ever", checked on what ships: no script of either build holds an API that
 * can send a request. (The browser tests check the running extension; this covers every code path,
 * including ones no test drives.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from './harness/paths';

const NETWORK_APIS = [
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\bimportScripts\s*\(/,
  /\bRTCPeerConnection\b/,
  /\bWebTransport\b/,
];

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

describe.each([
  ['chrome', CHROME_BUILD_DIR],
  ['firefox', FIREFOX_BUILD_DIR],
])('the built %s scripts', (_browser, dir) => {
  it('contain no API that sends a request', () => {
    const found: string[] = [];
    for (const file of scripts(dir)) {
      const code = readFileSync(file, 'utf8');
      for (const api of NETWORK_APIS) {
        if (api.test(code)) found.push(`${relative(dir, file)}: ${api.source}`);
      }
    }
    expect(scripts(dir).length).toBeGreaterThan(3);
    expect(found).toEqual([]);
  });

  it('load no code from outside the extension', () => {
    const remoteImports = scripts(dir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bimport\s*\(\s*['"`](https?:)?\/\//g)].map(
        (m) => `${relative(dir, file)}: ${m[0]}`,
      ),
    );
    expect(remoteImports).toEqual([]);
  });
});
