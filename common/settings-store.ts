/**
 * Where the settings live: `storage.sync` (so they follow the user's browser profile), falling back
 * to `storage.local` when sync is missing or refuses a write (quota per item, writes per minute,
 * policy). The invariant that makes reading simple: `storage.local` holds the settings only while
 * the latest write could not go to sync; a successful sync write removes the local copy. So a local
 * copy, when present, is the newest value.
 *
 * Writes from one extension page are serialised through one queue, so two quick toggles never
 * lose one. Writes from different pages (popup and options at once) are last-writer-wins per
 * object; each page follows the other through `watchSettings`.
 */
import { type Browser, browser } from 'wxt/browser';
import { normalizeSettings, SETTINGS_KEY, type Settings } from './settings';

type Area = Browser.storage.StorageArea;

function syncArea(): Area | null {
  // Absent on some builds (and in Firefox when disabled by policy); typed as always present.
  const sync: Area | undefined = browser.storage?.sync;
  return sync ?? null;
}

async function readFrom(area: Area): Promise<unknown> {
  const stored = await area.get(SETTINGS_KEY);
  return stored[SETTINGS_KEY];
}

async function readStored(): Promise<unknown> {
  const local = await readFrom(browser.storage.local);
  if (local !== undefined) return local;
  const sync = syncArea();
  if (sync === null) return undefined;
  try {
    return await readFrom(sync);
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await readStored());
}

async function writeStored(settings: Settings): Promise<void> {
  const sync = syncArea();
  if (sync !== null) {
    try {
      await sync.set({ [SETTINGS_KEY]: settings });
    } catch {
      await browser.storage.local.set({ [SETTINGS_KEY]: settings });
      return;
    }
    const local = await readFrom(browser.storage.local);
    if (local !== undefined) await browser.storage.local.remove(SETTINGS_KEY);
    return;
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  // A failed write must not block the ones after it; its caller still sees the error.
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Read-modify-write in the queue: `fn` sees the value every earlier write of this page left, so
 * rapid changes compose instead of overwriting each other.
 */
export function updateSettings(fn: (current: Settings) => Settings): Promise<Settings> {
  return enqueue(async () => {
    const settings = normalizeSettings(fn(await loadSettings()));
    await writeStored(settings);
    return settings;
  });
}

/**
 * Calls `cb` with the normalised settings whenever they change, from any page or synced device.
 * The removal of the local fallback copy is not a change of value and is not reported.
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    const change = changes[SETTINGS_KEY];
    // Removals report no newValue (null in some test fakes).
    if (change === undefined || change.newValue === undefined || change.newValue === null) return;
    cb(normalizeSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
