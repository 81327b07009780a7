/**
 * What `npm run release` does to the version and the changelog before anything is built: it
 * takes plain versions only, never goes backwards, and moves the Unreleased entries under the
 * new version without losing a line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  parseVersion,
  releaseChangelog,
} from '../../../scripts/lib/release-steps.mjs';

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- A thing.
- Another.

## [0.1.0] - 2026-01-01

- First.
`;

describe('a release version', () => {
  it('is three plain numbers', () => {
    expect(parseVersion('1.22.3')).toEqual([1, 22, 3]);
    for (const bad of ['1.2', 'v1.2.3', '1.2.3-beta', '01.2.3', '1.2.3.4', '', ' 1.2.3']) {
      expect(parseVersion(bad), bad).toBeNull();
    }
  });

  it('compares by number, not by text', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.1')).toBe(-1);
    expect(() => compareVersions('1.0', '1.0.0')).toThrow('not a version: 1.0');
  });
});

describe('the changelog at a release', () => {
  it('moves the Unreleased entries under the version and date, above the older releases', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-08')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-08

### Added

- A thing.
- Another.

## [0.1.0] - 2026-01-01

- First.
`);
  });

  it('keeps link definitions at the end', () => {
    const withLinks = `## [Unreleased]\n\n- A thing.\n\n[0.1.0]: https://example.org\n`;
    expect(releaseChangelog(withLinks, '0.2.0', 'D')).toBe(
      `## [Unreleased]\n\n## [0.2.0] - D\n\n- A thing.\n\n[0.1.0]: https://example.org\n`,
    );
  });

  it('refuses a release with nothing unreleased, without the section, or a second time', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', 'D');
    expect(() => releaseChangelog(released, '0.3.0', 'D')).toThrow('nothing under');
    expect(() => releaseChangelog('# Changelog\n', '0.3.0', 'D')).toThrow('no "## [Unreleased]"');
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', 'D')).toThrow('for 0.1.0 already');
  });

  it('the repository’s changelog is one the release can read, before and during a release', () => {
    const ours = readFileSync(join(import.meta.dirname, '../../../CHANGELOG.md'), 'utf8');
    const headings = ours.split('\n').filter((line) => line.startsWith('## '));
    expect(headings[0]).toBe('## [Unreleased]');
    // Every release dated, newest first.
    const released = headings.slice(1).map((line) => {
      const match = /^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/.exec(line);
      expect(match, line).not.toBeNull();
      return match?.[1] ?? '';
    });
    for (let i = 1; i < released.length; i++) {
      expect(compareVersions(released[i - 1] ?? '', released[i] ?? '')).toBe(1);
    }
    // While `npm run release` runs the tests, the entries are under the new version already.
    const start = ours.indexOf('## [Unreleased]');
    const after = ours.indexOf('\n## [', start + 1);
    const unreleased = ours.slice(start, after === -1 ? undefined : after);
    if (!/^- /m.test(unreleased)) return;
    const next = releaseChangelog(ours, '99.0.0', '2099-01-01');
    expect(next).toContain('## [99.0.0] - 2099-01-01');
    expect(next.endsWith('\n') && !next.endsWith('\n\n')).toBe(true);
    // Not a line lost, one heading added.
    const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
    expect(lines(next).length).toBe(lines(ours).length + 1);
  });
});
