import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { poll } from './poll';

export interface BuildSnapshot {
  dir: string;
  remove(): Promise<void>;
}

/**
 * Copies a build to a temporary directory before a browser loads it: `npm run build` empties
 * `.output/` first, and a rebuild while a browser runs (others work in the same tree) would pull
 * files from under the extension. A build caught mid-write has no manifest yet; wait for it.
 */
export async function snapshotBuild(buildDir: string): Promise<BuildSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'firewall-lens-build-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await poll(
      async () => {
        await rm(dir, { recursive: true, force: true });
        await cp(buildDir, dir, { recursive: true });
        return existsSync(join(dir, 'manifest.json'));
      },
      { timeout: 20_000, interval: 500, message: `a complete build in ${buildDir}` },
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
