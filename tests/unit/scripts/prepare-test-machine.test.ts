import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../../scripts/prepare-test-machine.sh');

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A machine root holding only the given files, as the packages would have installed them. */
function machineWith(files: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'fl-machine-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

function prepare(systemRoot: string) {
  return spawnSync('bash', [SCRIPT], {
    env: { ...process.env, SYSTEM_ROOT: systemRoot },
    encoding: 'utf8',
  });
}

describe('npm test on a machine without the prerequisites', () => {
  it('names every missing package in one line with the command to install them, and stops', () => {
    const result = prepare(machineWith([]));
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'sudo apt-get install -y chromium firefox-esr chromium-l10n firefox-esr-l10n-zh-cn fonts-noto-cjk',
    );
    // Nothing is fetched before the machine is ready.
    expect(result.stdout).toBe('');
  });

  it('names only what is missing', () => {
    const result = prepare(
      machineWith([
        '/usr/bin/chromium',
        '/usr/bin/firefox-esr',
        '/usr/lib/chromium/locales/zh-CN.pak',
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      ]),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toMatch(
      /not installed: firefox-esr-l10n-zh-cn\. .*-y firefox-esr-l10n-zh-cn$/,
    );
  });
});
