/**
 * The pure steps of scripts/release.mjs: reading a version, and turning the changelog's
 * Unreleased section into the release's (Keep a Changelog 1.1.0: newest first, an empty
 * Unreleased section kept on top for what comes next).
 */

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** [major, minor, patch], or null for anything but three plain numbers (no prerelease tags). */
export function parseVersion(text) {
  const match = VERSION.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/**
 * The changelog with what is under `## [Unreleased]` moved under `## [version] - date`, and an
 * empty Unreleased section above it. Refuses a changelog with nothing unreleased, or one that
 * has the version already.
 */
export function releaseChangelog(changelog, version, date) {
  const heading = UNRELEASED.exec(changelog);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md has a section for ${version} already`);
  }
  const start = heading.index + heading[0].length;
  const next = changelog.slice(start).search(/^## \[|^\[[^\]]+\]: /m);
  const end = next === -1 ? changelog.length : start + next;
  const entries = changelog.slice(start, end).trim();
  if (!/^\s*- /m.test(entries)) {
    throw new Error('CHANGELOG.md has nothing under "## [Unreleased]" to release');
  }
  const rest = changelog.slice(end).replace(/^\n+/, '');
  const released = `## [Unreleased]\n\n## [${version}] - ${date}\n\n${entries}\n`;
  return `${changelog.slice(0, heading.index)}${released}${rest ? `\n${rest}` : ''}`;
}
