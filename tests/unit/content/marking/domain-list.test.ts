import { describe, expect, it } from 'vitest';
import domains from '../../../../data/platform-domains.json';
import { parseDomainList } from '../../../../scripts/platform-domains/domain-list.mjs';

describe('reading a v2fly domain list', () => {
  const list = [
    '# Google services',
    'include:youtube',
    'google.com',
    'domain:gmail.com # mail',
    'full:www.google.cn @cn',
    'full:maps.google.com',
    'doubleclick.net @ads',
    'keyword:google',
    'regexp:^google\\.[a-z]{2}$',
    'g.cn @cn &other',
    '',
  ].join('\n');

  it('keeps domain and full rules, drops include, keyword, regexp and @cn/@ads rules', () => {
    const parsed = parseDomainList(list);
    expect(parsed.suffixes).toEqual(['google.com', 'gmail.com']);
    expect(parsed.full).toEqual(['maps.google.com']);
    expect(parsed.dropped.map((d) => d.rule.split(/[:\s]/)[0])).toEqual([
      'include',
      'full',
      'doubleclick.net',
      'keyword',
      'regexp',
      'g.cn',
    ]);
  });
});

describe('the committed host table', () => {
  it('names its source, pinned by commit, and its licence', () => {
    expect(domains.source.repository).toBe('https://github.com/v2fly/domain-list-community');
    expect(domains.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(domains.source.license).toBe('MIT');
    expect(domains.source.copyright).toMatch(/^Copyright/);
  });

  it('holds the hosts the issue names, each for its platform', () => {
    const expected: Record<string, string> = {
      'youtube.com': 'youtube',
      'youtu.be': 'youtube',
      't.me': 'telegram',
      'facebook.com': 'facebook',
      'fb.watch': 'facebook',
      'instagram.com': 'instagram',
      'x.com': 'twitter',
      'twitter.com': 'twitter',
      'wikipedia.org': 'wikipedia',
      'google.com': 'google',
      'gmail.com': 'google',
    };
    for (const [host, id] of Object.entries(expected)) {
      expect(domains.suffixes[host as keyof typeof domains.suffixes]).toBe(id);
    }
  });
});
