import { describe, expect, it } from 'vitest';
import { decideEnablement, type EnablementReason } from '../../../common/enablement';
import { CATEGORIES } from '../../../common/glossary-types';
import { defaultSettings, type Settings } from '../../../common/settings';

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

const ALL_OFF = Object.fromEntries(CATEGORIES.map((id) => [id, false])) as Settings['categories'];

describe('which pages Firewall Lens can run on', () => {
  it.each([
    ['https://example.com/news', 'enabled', 'example.com'],
    ['http://example.com/', 'enabled', 'example.com'],
    ['HTTPS://EXAMPLE.COM/Path', 'enabled', 'example.com'],
    ['https://example.com.:8443/a?b#c', 'enabled', 'example.com'],
    ['http://localhost:3000/', 'enabled', 'localhost'],
    ['http://127.0.0.1:8080/article.html', 'enabled', '127.0.0.1'],
    ['http://[::1]/', 'enabled', '[::1]'],
    ['https://例子.中国/', 'enabled', 'xn--fsqu00a.xn--fiqs8s'],
    ['https://user:pw@example.com/', 'enabled', 'example.com'],
    ['file:///home/me/article.html', 'unsupported-url', null],
    ['chrome://extensions/', 'unsupported-url', null],
    ['about:blank', 'unsupported-url', null],
    ['about:reader?url=https://example.com/', 'unsupported-url', null],
    ['moz-extension://abc/options.html', 'unsupported-url', null],
    ['chrome-extension://abc/options.html', 'unsupported-url', null],
    ['view-source:https://example.com/', 'unsupported-url', null],
    ['data:text/html,<p>GFW</p>', 'unsupported-url', null],
    ['blob:https://example.com/uuid', 'unsupported-url', null],
    ['javascript:void(0)', 'unsupported-url', null],
    ['ftp://example.com/', 'unsupported-url', null],
    ['', 'unsupported-url', null],
    ['not a url', 'unsupported-url', null],
    ['https://', 'unsupported-url', null],
  ] as const)('%j → %s', (url, reason, host) => {
    const result = decideEnablement(settings(), url);
    expect(result.reason).toBe(reason);
    expect(result.active).toBe(reason === 'enabled');
    expect(result.host).toBe(host);
  });
});

interface Row {
  name: string;
  url: string;
  overrides: Partial<Settings>;
  reason: EnablementReason;
}

const ROWS: Row[] = [
  {
    name: 'default settings mark every site',
    url: 'https://example.com/',
    overrides: {},
    reason: 'enabled',
  },
  {
    name: 'the global switch turns everything off',
    url: 'https://example.com/',
    overrides: { enabled: false },
    reason: 'off-globally',
  },
  {
    name: 'the global switch beats a site listed on',
    url: 'https://example.com/',
    overrides: { enabled: false, enabledSites: ['example.com'] },
    reason: 'off-globally',
  },
  {
    name: 'an unsupported page says so even when switched off',
    url: 'chrome://newtab/',
    overrides: { enabled: false },
    reason: 'unsupported-url',
  },
  {
    name: 'no categories means nothing to mark',
    url: 'https://example.com/',
    overrides: { categories: ALL_OFF },
    reason: 'no-categories',
  },
  {
    name: 'one category is enough',
    url: 'https://example.com/',
    overrides: { categories: { ...ALL_OFF, event: true } },
    reason: 'enabled',
  },
  {
    name: 'a site listed off',
    url: 'https://example.com/a',
    overrides: { disabledSites: ['example.com'] },
    reason: 'site-disabled',
  },
  {
    name: 'a subdomain of a site listed off',
    url: 'https://news.example.com/a',
    overrides: { disabledSites: ['example.com'] },
    reason: 'site-disabled',
  },
  {
    name: 'a look-alike of a site listed off',
    url: 'https://badexample.com/',
    overrides: { disabledSites: ['example.com'] },
    reason: 'enabled',
  },
  {
    name: 'a site listed off, written uppercase with a trailing dot',
    url: 'https://WWW.EXAMPLE.COM./',
    overrides: { disabledSites: ['example.com'] },
    reason: 'site-disabled',
  },
  {
    name: 'a site listed off, on another port',
    url: 'https://example.com:8443/',
    overrides: { disabledSites: ['example.com'] },
    reason: 'site-disabled',
  },
  {
    name: 'an IDN site listed off',
    url: 'https://bücher.de/',
    overrides: { disabledSites: ['xn--bcher-kva.de'] },
    reason: 'site-disabled',
  },
  {
    name: 'an IP address listed off',
    url: 'http://127.0.0.1:8080/',
    overrides: { disabledSites: ['127.0.0.1'] },
    reason: 'site-disabled',
  },
  {
    name: 'an IP address covers only itself',
    url: 'http://127.0.0.10/',
    overrides: { disabledSites: ['127.0.0.1'] },
    reason: 'enabled',
  },
  {
    name: 'localhost listed off',
    url: 'http://localhost:5173/',
    overrides: { disabledSites: ['localhost'] },
    reason: 'site-disabled',
  },
  {
    name: 'only listed sites: unlisted',
    url: 'https://example.com/',
    overrides: { siteDefault: 'off' },
    reason: 'site-not-enabled',
  },
  {
    name: 'only listed sites: listed',
    url: 'https://example.com/',
    overrides: { siteDefault: 'off', enabledSites: ['example.com'] },
    reason: 'enabled',
  },
  {
    name: 'only listed sites: a subdomain of a listed site',
    url: 'https://m.example.com/',
    overrides: { siteDefault: 'off', enabledSites: ['example.com'] },
    reason: 'enabled',
  },
  {
    name: 'only listed sites: the parent of a listed subdomain',
    url: 'https://example.com/',
    overrides: { siteDefault: 'off', enabledSites: ['news.example.com'] },
    reason: 'site-not-enabled',
  },
  {
    name: 'both lists at the same specificity: off wins',
    url: 'https://example.com/',
    overrides: { enabledSites: ['example.com'], disabledSites: ['example.com'] },
    reason: 'site-disabled',
  },
  {
    name: 'a more specific on beats a broader off',
    url: 'https://news.example.com/',
    overrides: { enabledSites: ['news.example.com'], disabledSites: ['example.com'] },
    reason: 'enabled',
  },
  {
    name: 'a more specific off beats a broader on',
    url: 'https://news.example.com/',
    overrides: {
      siteDefault: 'off',
      enabledSites: ['example.com'],
      disabledSites: ['news.example.com'],
    },
    reason: 'site-disabled',
  },
  {
    name: 'the broader on still holds beside a more specific off',
    url: 'https://shop.example.com/',
    overrides: {
      siteDefault: 'off',
      enabledSites: ['example.com'],
      disabledSites: ['news.example.com'],
    },
    reason: 'enabled',
  },
];

describe('the enablement rule', () => {
  it.each(ROWS)('$name → $reason', ({ url, overrides, reason }) => {
    const result = decideEnablement(settings(overrides), url);
    expect(result.reason).toBe(reason);
    expect(result.active).toBe(reason === 'enabled');
  });
});

describe('what an active page is told', () => {
  it('passes the appearance settings through', () => {
    const result = decideEnablement(
      settings({ markStyle: 'background', markMode: 'first', stealth: true, hoverDelayMs: 0 }),
      'https://example.com/',
    );
    expect(result).toMatchObject({
      active: true,
      markStyle: 'background',
      markMode: 'first',
      stealth: true,
      hoverDelayMs: 0,
    });
  });

  it('lists exactly the categories that are on', () => {
    const result = decideEnablement(
      settings({ categories: { ...ALL_OFF, policy: true, circumvention: true } }),
      'https://example.com/',
    );
    expect([...result.categories].sort()).toEqual(['circumvention', 'policy']);
  });

  it('lists every category by default', () => {
    expect(decideEnablement(settings(), 'https://example.com/').categories.size).toBe(
      CATEGORIES.length,
    );
  });
});
