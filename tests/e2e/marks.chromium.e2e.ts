import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromiumSession } from './harness/chromium';
import { marksSuite } from './marks.expectations';

/** Runs in an extension page: Chromium's install-prompt warnings for a manifest. */
function warningsInExtensionPage(manifest: string): Promise<string[]> {
  const api = (
    globalThis as unknown as {
      chrome: { management: { getPermissionWarningsByManifest(text: string): Promise<string[]> } };
    }
  ).chrome;
  return api.management.getPermissionWarningsByManifest(manifest);
}

describe('marks and stealth in Chromium', () => {
  const env = marksSuite(launchChromiumSession, {
    runtimeId: (session) => session.extension.extensionId,
    paintsLines: true,
  });

  // Chromium only: Firefox has no API that returns its install prompt's lines.
  it('asks nothing new in the install prompt for scripting and the host permissions', async () => {
    const { session, popup } = env();
    const built = JSON.parse(readFileSync(join(session.buildDir, 'manifest.json'), 'utf8'));
    const { host_permissions: _hosts, ...withoutHosts } = built;
    const before = {
      ...withoutHosts,
      permissions: built.permissions.filter((name: string) => name !== 'scripting'),
    };
    const now = await popup.evaluate(warningsInExtensionPage, JSON.stringify(built));
    expect(now).toEqual(await popup.evaluate(warningsInExtensionPage, JSON.stringify(before)));
    expect(now).toEqual(['Read and change all your data on all websites']);
  });
});
