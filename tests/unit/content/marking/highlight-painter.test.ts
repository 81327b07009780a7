import { beforeEach, describe, expect, it } from 'vitest';
import {
  HighlightPainter,
  type PainterEnvironment,
} from '../../../../entrypoints/content/marking/highlight-painter';
import type { Mention } from '../../../../entrypoints/content/marking/mention-store';
import { FakeHighlight, fakeRange } from '../../support/fake-highlight';

let registry: Map<string, FakeHighlight>;
let painter: HighlightPainter<FakeHighlight>;

function texts(name: string): string[] {
  return [...(registry.get(name)?.ranges ?? [])].map((range) =>
    (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
  );
}

beforeEach(() => {
  registry = new Map();
  const env: PainterEnvironment<FakeHighlight> = {
    registry,
    createHighlight: () => new FakeHighlight(),
    createRange: fakeRange,
  };
  painter = new HighlightPainter(env, 'firewall-lens');
  document.body.innerHTML = '<p>Twitter uses a VPN</p>';
});

function mentions(): Mention[] {
  const node = document.querySelector('p')?.firstChild as Text;
  return [
    { node, start: 0, end: 7, id: 'twitter', category: 'blocked-platform' },
    { node, start: 15, end: 18, id: 'vpn', category: 'circumvention' },
  ];
}

describe('painting marks', () => {
  it('registers one highlight per category that has marks, named for the underline style', () => {
    painter.paint(mentions(), 'underline', false);
    expect([...registry.keys()].sort()).toEqual([
      'firewall-lens-blocked-platform',
      'firewall-lens-circumvention',
    ]);
    expect(texts('firewall-lens-circumvention')).toEqual(['VPN']);
  });

  it('uses the background names for the background style, and switches without leftovers', () => {
    const list = mentions();
    painter.paint(list, 'underline', false);
    painter.paint(list, 'background', false);
    expect([...registry.keys()].sort()).toEqual([
      'firewall-lens-bg-blocked-platform',
      'firewall-lens-bg-circumvention',
    ]);
  });

  it('registers nothing in stealth mode or with marks turned off', () => {
    painter.paint(mentions(), 'underline', true);
    expect(registry.size).toBe(0);
    painter.paint(mentions(), 'none', false);
    expect(registry.size).toBe(0);
  });

  it('unregisters a category whose last mark went away, and everything on clear', () => {
    const [twitter, vpn] = mentions() as [Mention, Mention];
    painter.paint([twitter, vpn], 'underline', false);
    painter.paint([twitter], 'underline', false);
    expect([...registry.keys()]).toEqual(['firewall-lens-blocked-platform']);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('paints only what changed, and everything again when the style changed', () => {
    const [twitter, vpn] = mentions() as [Mention, Mention];
    painter.paint([twitter], 'underline', false);
    painter.paintChanges({ added: [vpn], removed: [twitter] }, () => [vpn], 'underline', false);
    expect([...registry.keys()]).toEqual(['firewall-lens-circumvention']);
    painter.paintChanges({ added: [], removed: [] }, () => [twitter, vpn], 'background', false);
    expect([...registry.keys()].sort()).toEqual([
      'firewall-lens-bg-blocked-platform',
      'firewall-lens-bg-circumvention',
    ]);
  });

  it('leaves highlights the page registered itself alone', () => {
    const pages = new FakeHighlight();
    registry.set('search-results', pages);
    painter.paint(mentions(), 'underline', false);
    painter.clear();
    expect([...registry.keys()]).toEqual(['search-results']);
  });
});
