import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PainterEnvironment } from '../../../../entrypoints/content/marking/highlight-painter';
import {
  createPageMarker,
  type PageMarker,
} from '../../../../entrypoints/content/marking/page-marker';
import { FakeHighlight, fakeRange } from '../../support/fake-highlight';
import { realMatcher } from '../../support/real-cards';
import { waitFor } from '../../support/wait-for';

const matcher = realMatcher();

let registry: Map<string, FakeHighlight>;
let registryReads: number;
let totals: number[];
let marker: PageMarker | undefined;

const environment = (): PainterEnvironment<FakeHighlight> => ({
  get registry() {
    registryReads++;
    return registry;
  },
  createHighlight: () => new FakeHighlight(),
  createRange: fakeRange,
});

/** Every registered highlight's name and marked texts, sorted. */
function painted(): string[] {
  const out: string[] = [];
  for (const [name, highlight] of registry) {
    for (const range of highlight.ranges) {
      const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
      out.push(`${name}: ${text}`);
    }
  }
  return out.sort();
}

function start(overrides: { stealth?: boolean } = {}): PageMarker {
  marker = createPageMarker({
    document,
    matcher,
    highlightToken: 'firewall-lens',
    markStyle: 'underline',
    markMode: 'all',
    stealth: overrides.stealth ?? false,
    painterEnvironment: environment(),
    onChange: (total) => totals.push(total),
  });
  return marker;
}

beforeEach(() => {
  registry = new Map();
  registryReads = 0;
  totals = [];
  document.body.innerHTML = '<main><p>People use a VPN to reach Twitter.</p></main>';
});

afterEach(() => {
  marker?.stop();
  marker = undefined;
});

describe('the page marker (what the content script and the bench both run)', () => {
  it('marks the mentions of the page, one highlight per category, and reports the count', async () => {
    await start().scan();
    expect(painted()).toEqual([
      'firewall-lens-blocked-platform: Twitter',
      'firewall-lens-circumvention: VPN',
    ]);
    expect(totals.at(-1)).toBe(2);
  });

  it('never touches the highlight registry on a page without mentions', async () => {
    document.body.innerHTML = '<main><p>Nothing to see here.</p></main>';
    const current = start();
    await current.scan();
    current.stop();
    expect(current.store.total()).toBe(0);
    expect(registryReads).toBe(0);
  });

  it('marks text the page adds later, and tells the bench when that batch is done', async () => {
    const batches: Promise<void>[] = [];
    marker = createPageMarker({
      document,
      matcher,
      highlightToken: 'firewall-lens',
      markStyle: 'underline',
      markMode: 'all',
      stealth: false,
      painterEnvironment: environment(),
      onMutationBatch: (_receivedAt, handled) => batches.push(handled),
    });
    const current = () => marker as PageMarker;
    await marker.scan();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Weibo too.';
    document.querySelector('main')?.append(paragraph);
    await waitFor(() => expect(batches).toHaveLength(1));
    await batches[0];
    expect(painted().filter((mark) => mark.endsWith(': Weibo'))).toHaveLength(1);
    expect(current().store.total()).toBe(3);
  });

  it('switches the style and stealth live, and leaves nothing registered once stopped', async () => {
    const current = start();
    await current.scan();
    current.update({ markStyle: 'background', markMode: 'all', stealth: false }, matcher);
    expect(painted()).toEqual([
      'firewall-lens-bg-blocked-platform: Twitter',
      'firewall-lens-bg-circumvention: VPN',
    ]);
    current.update({ markStyle: 'background', markMode: 'all', stealth: true }, matcher);
    expect(registry.size).toBe(0);
    // The store keeps the mentions in stealth: the card still opens on them.
    expect(current.store.total()).toBe(2);
    current.update({ markStyle: 'underline', markMode: 'all', stealth: false }, matcher);
    expect(painted()).toHaveLength(2);
    current.stop();
    expect(registry.size).toBe(0);
    expect(current.store.total()).toBe(0);
    // Stopped: later page changes are not read.
    document.querySelector('p')?.append(' Weibo');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(current.store.total()).toBe(0);
  });

  it('reads the page again with a new matcher', async () => {
    const current = start();
    await current.scan();
    const vpnOnly = realMatcher((alias) => alias.category === 'circumvention');
    current.update({ markStyle: 'underline', markMode: 'all', stealth: false }, vpnOnly);
    await waitFor(() => expect(painted()).toEqual(['firewall-lens-circumvention: VPN']));
  });
});
