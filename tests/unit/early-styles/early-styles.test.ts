import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { takeEarlyStyles } from '../../../common/early-styles-handoff';
import { isHighlightToken } from '../../../common/highlight-names';
import { defaultSettings, type Settings } from '../../../common/settings';
import { requestEarlyStyles } from '../../../entrypoints/early-styles.content/request-early-styles';
import { storeSettings } from '../support/store-settings';

let requests: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    requests.push(message);
    return Promise.resolve({ ok: true, value: null });
  });
  takeEarlyStyles();
});

async function early(changes: Partial<Settings>) {
  await storeSettings({ ...defaultSettings(), ...changes });
  requestEarlyStyles();
  // Set up at once, before anything was read: the main script finds it whenever it starts.
  const handoff = takeEarlyStyles();
  expect(handoff).toBeDefined();
  return handoff as NonNullable<typeof handoff>;
}

describe('the styles asked for at document_start', () => {
  it('are asked for under a fresh token on a page that will draw marks', async () => {
    const { token, inserted } = await early({});
    expect(isHighlightToken(token)).toBe(true);
    expect(await inserted).toBe(true);
    expect(requests).toEqual([{ type: 'mark-styles', on: true, token }]);
  });

  it.each([
    ['in stealth mode', { stealth: true }],
    ['with marks turned off', { markStyle: 'none' as const }],
    ['when switched off', { enabled: false }],
    ['on a site that is off', { disabledSites: [location.hostname] }],
  ])('are not asked for %s', async (_name, changes) => {
    const { inserted } = await early(changes);
    expect(await inserted).toBe(false);
    expect(requests).toEqual([]);
  });

  it('count as not inserted when the background cannot answer', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener(() => Promise.reject(new Error('gone')));
    const { inserted } = await early({});
    expect(await inserted).toBe(false);
  });

  it('are handed over once', async () => {
    await storeSettings(defaultSettings());
    requestEarlyStyles();
    expect(takeEarlyStyles()).toBeDefined();
    expect(takeEarlyStyles()).toBeUndefined();
  });
});
