import { describe, expect, it } from 'vitest';
import {
  decideSite,
  findMatchingPattern,
  hostMatches,
  normalizeHostInput,
} from '../../../common/site-match';

describe('what a user may type into a site list', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.Example.com/path?q=1#top', 'www.example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['example.com/world/asia', 'example.com'],
    ['*.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['https://user:pw@news.example.co.uk/', 'news.example.co.uk'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://例子.中国/新闻', 'xn--fsqu00a.xn--fiqs8s'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['http://localhost:3000/', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://192.168.1.20:8080/x', '192.168.1.20'],
    ['[::1]', '[::1]'],
    ['https://[2001:DB8::1]/', '[2001:db8::1]'],
    ['my-site.example', 'my-site.example'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeHostInput(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a site',
    'nytimes',
    'http://',
    'https:///path',
    '.com',
    'example..com',
    '-example.com',
    'example-.com',
    'exa_mple.com',
    'example.123',
    '123',
    '0x7f.1',
    '1.2.3',
    '999.1.1.1',
    'file:///home/me/page.html',
    'chrome://extensions',
    'about:blank',
    'javascript:alert(1)',
    '::1',
    `${'a'.repeat(64)}.com`,
    `${'abc.'.repeat(64)}com`,
  ])('refuses %j', (input) => {
    expect(normalizeHostInput(input)).toBeNull();
  });
});

describe('a site list entry covers the host and its subdomains', () => {
  it.each([
    ['example.com', 'example.com', true],
    ['news.example.com', 'example.com', true],
    ['a.b.news.example.com', 'example.com', true],
    ['badexample.com', 'example.com', false],
    ['example.com', 'news.example.com', false],
    ['example.com.evil.net', 'example.com', false],
    ['EXAMPLE.com.', 'example.COM', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['10.127.0.0.1', '127.0.0.1', false],
    ['0.1', '0.0.1', false],
    ['[::1]', '[::1]', true],
    ['localhost', 'localhost', true],
    ['app.localhost', 'localhost', true],
    ['', 'example.com', false],
    ['example.com', '', false],
  ])('%j under %j → %s', (host, pattern, expected) => {
    expect(hostMatches(host, pattern)).toBe(expected);
  });
});

describe('the most specific entry of a list wins', () => {
  const list = ['example.com', 'news.example.com', 'other.org'];
  it.each([
    ['news.example.com', 'news.example.com'],
    ['live.news.example.com', 'news.example.com'],
    ['shop.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['other.org', 'other.org'],
    ['unlisted.net', null],
  ])('%j → %j', (host, expected) => {
    expect(findMatchingPattern(host, list)).toBe(expected);
  });

  it('does not depend on the order of the list', () => {
    expect(findMatchingPattern('live.news.example.com', [...list].reverse())).toBe(
      'news.example.com',
    );
  });
});

describe('deciding by the site lists', () => {
  it.each([
    // [host, siteDefault, enabledSites, disabledSites, expected]
    ['example.com', 'on', [], [], 'enabled'],
    ['example.com', 'off', [], [], 'site-not-enabled'],
    ['example.com', 'on', [], ['example.com'], 'site-disabled'],
    ['news.example.com', 'on', [], ['example.com'], 'site-disabled'],
    ['news.example.com', 'off', ['example.com'], [], 'enabled'],
    ['example.com', 'on', ['example.com'], ['example.com'], 'site-disabled'],
    ['example.com', 'off', ['example.com'], ['example.com'], 'site-disabled'],
    ['news.example.com', 'on', ['news.example.com'], ['example.com'], 'enabled'],
    ['news.example.com', 'off', ['example.com'], ['news.example.com'], 'site-disabled'],
    ['shop.example.com', 'off', ['example.com'], ['news.example.com'], 'enabled'],
    ['other.org', 'off', ['example.com'], [], 'site-not-enabled'],
  ] as const)('%j with default %s, on %j, off %j → %s', (host, siteDefault, on, off, expected) => {
    expect(decideSite(host, { siteDefault, enabledSites: on, disabledSites: off })).toBe(expected);
  });
});
