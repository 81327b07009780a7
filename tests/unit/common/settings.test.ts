import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/glossary-types';
import {
  addSite,
  DEFAULT_SETTINGS,
  defaultSettings,
  MAX_SITES_PER_LIST,
  migrate,
  normalizeSettings,
  removeSite,
  type Settings,
  setSiteEnabled,
} from '../../../common/settings';
import { decideSite } from '../../../common/site-match';

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

describe('defaults', () => {
  it('mark every site, every category, underlined, after 300 ms', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      version: 1,
      enabled: true,
      siteDefault: 'on',
      enabledSites: [],
      disabledSites: [],
      markStyle: 'underline',
      hoverDelayMs: 300,
      markMode: 'all',
      stealth: false,
    });
    for (const id of CATEGORIES) expect(DEFAULT_SETTINGS.categories[id]).toBe(true);
  });

  it('cannot be changed through the exported object', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    const copy = defaultSettings();
    copy.disabledSites.push('example.com');
    copy.categories.policy = false;
    expect(defaultSettings().disabledSites).toEqual([]);
    expect(defaultSettings().categories.policy).toBe(true);
  });
});

describe('reading whatever is stored', () => {
  it.each([undefined, null, 42, 'settings', [], [1, 2], {}])('gives the defaults for %j', (raw) => {
    expect(normalizeSettings(raw)).toEqual(defaultSettings());
  });

  it('keeps a valid current object as it is', () => {
    const stored: Settings = {
      version: 1,
      enabled: false,
      siteDefault: 'off',
      enabledSites: ['example.com'],
      disabledSites: ['news.example.org'],
      categories: {
        'censorship-system': true,
        circumvention: false,
        'blocked-platform': true,
        policy: false,
        'domestic-platform': true,
        event: true,
        user: false,
      },
      markStyle: 'background',
      hoverDelayMs: 750,
      markMode: 'first',
      stealth: true,
    };
    expect(normalizeSettings(structuredClone(stored))).toEqual(stored);
  });

  it('falls back field by field, keeping the fields that are valid', () => {
    const result = normalizeSettings({
      version: 1,
      enabled: 'yes',
      siteDefault: 'sometimes',
      enabledSites: 'example.com',
      disabledSites: ['example.com', 42, null, 'not a site', 'EXAMPLE.com', 'https://b.org/x'],
      categories: { policy: false, event: 'no', unknown: false },
      markStyle: 'blink',
      hoverDelayMs: '500',
      markMode: 'first',
      stealth: 1,
    });
    expect(result).toEqual({
      ...defaultSettings(),
      disabledSites: ['example.com', 'b.org'],
      categories: { ...defaultSettings().categories, policy: false },
      markMode: 'first',
    });
  });

  it.each([
    [-100, 0],
    [0, 0],
    [299.6, 300],
    [2000, 2000],
    [99_999, 2000],
    [Number.NaN, 300],
    [Number.POSITIVE_INFINITY, 300],
  ])('clamps a hover delay of %d ms to %d ms', (hoverDelayMs, expected) => {
    expect(normalizeSettings({ version: 1, hoverDelayMs }).hoverDelayMs).toBe(expected);
  });

  it('drops unknown fields', () => {
    const result = normalizeSettings({ version: 1, theme: 'dark', __proto__: { enabled: false } });
    expect(Object.keys(result).sort()).toEqual(Object.keys(defaultSettings()).sort());
    expect(result.enabled).toBe(true);
  });

  it('caps a huge stored site list', () => {
    const hosts = Array.from({ length: MAX_SITES_PER_LIST + 50 }, (_, i) => `site${i}.example`);
    expect(normalizeSettings({ version: 1, disabledSites: hosts }).disabledSites).toHaveLength(
      MAX_SITES_PER_LIST,
    );
  });

  it('reads the fields it knows from a newer schema and stores the current version', () => {
    const result = normalizeSettings({
      version: 7,
      enabled: false,
      disabledSites: ['example.com'],
      markStyle: 'background',
      futureField: { anything: true },
    });
    expect(result).toEqual({
      ...defaultSettings(),
      enabled: false,
      disabledSites: ['example.com'],
      markStyle: 'background',
    });
  });

  it('never throws, even on a value whose fields throw when read', () => {
    const hostile = {
      version: 1,
      get enabled(): boolean {
        throw new Error('boom');
      },
    };
    expect(normalizeSettings(hostile)).toEqual(defaultSettings());
  });
});

describe('migrating the unversioned prototype shape', () => {
  it('turns {enabled, disabledHosts} into the current settings', () => {
    expect(
      normalizeSettings({ enabled: false, disabledHosts: ['Example.com', 'www.bbc.co.uk/news'] }),
    ).toEqual({
      ...defaultSettings(),
      enabled: false,
      disabledSites: ['example.com', 'www.bbc.co.uk'],
    });
  });

  it('treats version 0 like a missing version', () => {
    expect(normalizeSettings({ version: 0, disabledHosts: ['example.com'] }).disabledSites).toEqual(
      ['example.com'],
    );
  });

  it('prefers a current field over its old name when both are present', () => {
    expect(
      migrate({ disabledHosts: ['old.example'], disabledSites: ['new.example'] }).disabledSites,
    ).toEqual(['new.example']);
  });

  it('leaves a current object alone', () => {
    const current = { version: 1, disabledHosts: ['ignored.example'] };
    expect(migrate(current)).toBe(current);
    expect(normalizeSettings(current).disabledSites).toEqual([]);
  });
});

describe('adding and removing sites in the options page', () => {
  it('adds the normalised host', () => {
    const result = addSite(settings(), 'disabledSites', 'https://WWW.Example.com/a');
    expect(result).toMatchObject({ ok: true, host: 'www.example.com' });
    if (result.ok) expect(result.settings.disabledSites).toEqual(['www.example.com']);
  });

  it('says that junk is not a site address, quoting what was typed', () => {
    const result = addSite(settings(), 'enabledSites', '  not a site ');
    expect(result).toEqual({ ok: false, error: { reason: 'not-a-host', input: 'not a site' } });
  });

  it('refuses a duplicate, however it is written', () => {
    const result = addSite(
      settings({ disabledSites: ['example.com'] }),
      'disabledSites',
      'EXAMPLE.com.',
    );
    expect(result).toEqual({ ok: false, error: { reason: 'duplicate', host: 'example.com' } });
  });

  it('moves a host out of the other list', () => {
    const result = addSite(
      settings({ disabledSites: ['example.com', 'b.org'] }),
      'enabledSites',
      'example.com',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.enabledSites).toEqual(['example.com']);
    expect(result.settings.disabledSites).toEqual(['b.org']);
  });

  it('removes exactly the host asked for', () => {
    const next = removeSite(
      settings({ enabledSites: ['a.org', 'b.org'] }),
      'enabledSites',
      'a.org',
    );
    expect(next.enabledSites).toEqual(['b.org']);
  });
});

describe("the popup's site switch", () => {
  const isOn = (s: Settings, host: string) => decideSite(host, s) === 'enabled';

  it.each([
    // [description, start, host, on, enabledSites after, disabledSites after]
    [
      'turning off a site that is on by default lists it off',
      settings(),
      'example.com',
      false,
      [],
      ['example.com'],
    ],
    [
      'turning it back on unlists it',
      settings({ disabledSites: ['example.com'] }),
      'example.com',
      true,
      [],
      [],
    ],
    [
      'turning on a site when only listed sites are marked lists it on',
      settings({ siteDefault: 'off' }),
      'example.com',
      true,
      ['example.com'],
      [],
    ],
    [
      'turning it back off unlists it',
      settings({ siteDefault: 'off', enabledSites: ['example.com'] }),
      'example.com',
      false,
      [],
      [],
    ],
    [
      'a subdomain of a site listed off is listed on',
      settings({ disabledSites: ['example.com'] }),
      'news.example.com',
      true,
      ['news.example.com'],
      ['example.com'],
    ],
    [
      'a subdomain of a site listed on is listed off',
      settings({ siteDefault: 'off', enabledSites: ['example.com'] }),
      'news.example.com',
      false,
      ['example.com'],
      ['news.example.com'],
    ],
    ['asking for what already holds changes nothing', settings(), 'example.com', true, [], []],
  ] as const)('%s', (_, start, host, on, enabledAfter, disabledAfter) => {
    const next = setSiteEnabled(start, host, on);
    expect(next.enabledSites).toEqual(enabledAfter);
    expect(next.disabledSites).toEqual(disabledAfter);
    expect(isOn(next, host)).toBe(on);
  });

  it('normalises the host it is given', () => {
    expect(setSiteEnabled(settings(), 'WWW.Example.COM.', false).disabledSites).toEqual([
      'www.example.com',
    ]);
  });

  it('ignores a value that is not a host', () => {
    const start = settings();
    expect(setSiteEnabled(start, 'chrome://newtab', false)).toBe(start);
  });

  it('does not change the settings it was given', () => {
    const start = settings({ disabledSites: ['example.com'] });
    setSiteEnabled(start, 'example.com', true);
    expect(start.disabledSites).toEqual(['example.com']);
  });
});
