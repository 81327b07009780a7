import { beforeEach, describe, expect, it } from 'vitest';
import type { CategoryId } from '../../../../common/glossary-types';
import {
  pickRevealTarget,
  type RevealRequest,
} from '../../../../entrypoints/content/card/reveal-target';
import { type Mention, MentionStore } from '../../../../entrypoints/content/marking/mention-store';

let store: MentionStore;

const textOf = (id: string) => document.getElementById(id)?.firstChild as Text;

function mention(node: Text, start: number, end: number, id: string): Mention {
  const category: CategoryId = id === 'vpn' ? 'circumvention' : 'censorship-system';
  return { node, start, end, id, category };
}

/** Where each mention is: the paragraphs stand 100 px apart, all inside an 800 px viewport. */
function topOf(m: Mention): number {
  return ['a', 'b', 'c'].indexOf(m.node.parentElement?.id ?? '') * 100 + m.start;
}

const where = (m: Mention | undefined) => m && `${m.node.parentElement?.id}:${m.id}`;

/** Presses "next" (or "previous") `times` times from a fresh page, as the command does. */
function press(direction: RevealRequest['direction'], times: number, id?: string): string[] {
  const seen: string[] = [];
  let last: Mention | undefined;
  for (let i = 0; i < times; i++) {
    last = pickRevealTarget(store, { id, direction, last, viewportHeight: 800 }, topOf);
    seen.push(where(last) ?? 'none');
  }
  return seen;
}

beforeEach(() => {
  document.body.innerHTML = `
    <p id="a">VPN apps and the Great Firewall</p><p id="b">Another VPN</p><p id="c">Great Firewall again</p>`;
  store = new MentionStore();
  store.setNode(textOf('a'), [
    mention(textOf('a'), 0, 3, 'vpn'),
    mention(textOf('a'), 17, 31, 'gfw'),
  ]);
  store.setNode(textOf('b'), [mention(textOf('b'), 8, 11, 'vpn')]);
  store.setNode(textOf('c'), [mention(textOf('c'), 0, 14, 'gfw')]);
});

describe('which mention "next" and "previous" reveal', () => {
  it('walks every mention in document order, wrapping around, when all are marked', () => {
    expect(press('next', 5)).toEqual(['a:vpn', 'a:gfw', 'b:vpn', 'c:gfw', 'a:vpn']);
  });

  it("in 'first mention only' mode reveals only the marked first mentions", () => {
    store.setMarkMode('first');
    expect(press('next', 4)).toEqual(['a:vpn', 'a:gfw', 'a:vpn', 'a:gfw']);
    expect(press('previous', 3)).toEqual(['a:gfw', 'a:vpn', 'a:gfw']);
  });

  it("in 'first mention only' mode, a term's arrows stay on its one marked mention", () => {
    store.setMarkMode('first');
    expect(press('next', 2, 'vpn')).toEqual(['a:vpn', 'a:vpn']);
    store.setMarkMode('all');
    expect(press('next', 2, 'vpn')).toEqual(['a:vpn', 'b:vpn']);
  });

  it('reveals nothing when no marked mention is in the document', () => {
    textOf('a').parentElement?.remove();
    textOf('b').parentElement?.remove();
    textOf('c').parentElement?.remove();
    expect(press('next', 1)).toEqual(['none']);
  });
});
