import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../../../common/settings';
import { loadSettings, updateSettings, watchSettings } from '../../../common/settings-store';
import { storeSettings } from '../support/store-settings';

async function stored(area: 'sync' | 'local'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(SETTINGS_KEY))[SETTINGS_KEY];
}

function quotaError(): Error {
  return new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loading', () => {
  it('gives the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('normalises what is stored', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { version: 1, enabled: false, disabledSites: ['HTTPS://Example.com/x', 7] },
    });
    expect(await loadSettings()).toEqual({
      ...defaultSettings(),
      enabled: false,
      disabledSites: ['example.com'],
    });
  });

  it('migrates the unversioned prototype shape', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { enabled: true, disabledHosts: ['example.com'] },
    });
    expect((await loadSettings()).disabledSites).toEqual(['example.com']);
  });

  it('reads the local copy when sync cannot be read', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, stealth: true } });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    expect((await loadSettings()).stealth).toBe(true);
  });

  it('gives the defaults when sync cannot be read and nothing is local', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    expect(await loadSettings()).toEqual(defaultSettings());
  });
});

describe('saving', () => {
  it('stores the settings in sync', async () => {
    const next: Settings = { ...defaultSettings(), markStyle: 'background' };
    await storeSettings(next);
    expect(await stored('sync')).toEqual(next);
    expect(await stored('local')).toBeUndefined();
    expect(await loadSettings()).toEqual(next);
  });

  it('stores normalised settings, whatever it is given', async () => {
    const sloppy = { ...defaultSettings(), hoverDelayMs: 99_999, enabledSites: ['A.org', 'a.org'] };
    const saved = await storeSettings(sloppy);
    expect(saved.hoverDelayMs).toBe(2_000);
    expect(saved.enabledSites).toEqual(['a.org']);
    expect(await stored('sync')).toEqual(saved);
  });

  it('keeps working in local storage when sync refuses the write', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quotaError());
    const next: Settings = { ...defaultSettings(), enabled: false };
    await storeSettings(next);
    expect(await stored('local')).toEqual(next);
    expect(await loadSettings()).toEqual(next);
  });

  it('prefers the local copy, written when sync failed, over the older synced value', async () => {
    await storeSettings({ ...defaultSettings(), markMode: 'first' });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quotaError());
    await storeSettings({ ...defaultSettings(), markMode: 'all', stealth: true });
    expect(await loadSettings()).toMatchObject({ markMode: 'all', stealth: true });
  });

  it('moves back to sync, dropping the local copy, once sync accepts writes again', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quotaError());
    await storeSettings({ ...defaultSettings(), enabled: false });
    await storeSettings({ ...defaultSettings(), stealth: true });
    expect(await stored('local')).toBeUndefined();
    expect(await stored('sync')).toMatchObject({ enabled: true, stealth: true });
    expect((await loadSettings()).stealth).toBe(true);
  });

  it('uses local storage in a browser without storage.sync', async () => {
    const sync = fakeBrowser.storage.sync;
    Reflect.set(fakeBrowser.storage, 'sync', undefined);
    try {
      await storeSettings({ ...defaultSettings(), markStyle: 'none' });
      expect(await stored('local')).toMatchObject({ markStyle: 'none' });
      expect((await loadSettings()).markStyle).toBe('none');
    } finally {
      Reflect.set(fakeBrowser.storage, 'sync', sync);
    }
  });

  it('reports a write that fails everywhere, and later writes still go through', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quotaError());
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('disk full'));
    await expect(storeSettings({ ...defaultSettings(), enabled: false })).rejects.toThrow(
      'disk full',
    );
    await storeSettings({ ...defaultSettings(), stealth: true });
    expect((await loadSettings()).stealth).toBe(true);
  });
});

describe('updating', () => {
  it('applies a change to the stored value and returns the result', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['a.org'] });
    const result = await updateSettings((s) => ({
      ...s,
      disabledSites: [...s.disabledSites, 'b.org'],
    }));
    expect(result.disabledSites).toEqual(['a.org', 'b.org']);
    expect((await loadSettings()).disabledSites).toEqual(['a.org', 'b.org']);
  });

  it('does not lose one of two quick changes', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, categories: { ...s.categories, policy: false } })),
      updateSettings((s) => ({ ...s, categories: { ...s.categories, event: false } })),
      updateSettings((s) => ({ ...s, enabled: !s.enabled })),
      updateSettings((s) => ({ ...s, enabled: !s.enabled })),
    ]);
    const result = await loadSettings();
    expect(result.categories.policy).toBe(false);
    expect(result.categories.event).toBe(false);
    expect(result.enabled).toBe(true);
  });

  it('goes on after a change function throws', async () => {
    await expect(
      updateSettings(() => {
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    await updateSettings((s) => ({ ...s, stealth: true }));
    expect((await loadSettings()).stealth).toBe(true);
  });
});

describe('watching', () => {
  it('reports changes made elsewhere, normalised', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { version: 1, enabled: false, markStyle: 'blink' },
    });
    expect(seen).toEqual([{ ...defaultSettings(), enabled: false }]);
  });

  it('reports a save once, including the return from local to sync', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quotaError());
    await storeSettings({ ...defaultSettings(), enabled: false });
    await storeSettings({ ...defaultSettings(), stealth: true });
    expect(seen.map((s) => [s.enabled, s.stealth])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('ignores other keys and other storage areas', async () => {
    const cb = vi.fn();
    watchSettings(cb);
    await fakeBrowser.storage.sync.set({ other: { enabled: false } });
    await fakeBrowser.storage.session.set({ [SETTINGS_KEY]: { enabled: false } });
    expect(cb).not.toHaveBeenCalled();
  });

  it('stops when unsubscribed', async () => {
    const cb = vi.fn();
    const stop = watchSettings(cb);
    stop();
    await storeSettings({ ...defaultSettings(), enabled: false });
    expect(cb).not.toHaveBeenCalled();
  });
});
