import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoryId } from '../../../../common/glossary-types';
import { type Mention, MentionStore } from '../../../../entrypoints/content/marking/mention-store';

let store: MentionStore;

function textOf(id: string): Text {
  return document.getElementById(id)?.firstChild as Text;
}

function mention(node: Text, start: number, end: number, id: string): Mention {
  const category: CategoryId = id === 'vpn' ? 'circumvention' : 'blocked-platform';
  return { node, start, end, id, category };
}

const words = (list: readonly Mention[]) => list.map((m) => m.node.data.slice(m.start, m.end));

beforeEach(() => {
  store = new MentionStore();
  document.body.innerHTML = `
    <p id="a">Twitter and VPN</p><p id="b">VPN again</p><p id="c">Twitter last</p>`;
});

describe('the mention store', () => {
  it('lists mentions in document order whatever order the nodes were found in', () => {
    store.setNode(textOf('c'), [mention(textOf('c'), 0, 7, 'twitter')]);
    store.setNode(textOf('a'), [
      mention(textOf('a'), 0, 7, 'twitter'),
      mention(textOf('a'), 12, 15, 'vpn'),
    ]);
    store.setNode(textOf('b'), [mention(textOf('b'), 0, 3, 'vpn')]);
    expect(words(store.all())).toEqual(['Twitter', 'VPN', 'VPN', 'Twitter']);
    expect(store.all().map((m) => m.node.parentElement?.id)).toEqual(['a', 'a', 'b', 'c']);
    expect(store.total()).toBe(4);
  });

  it("in 'first' mode marks only the first mention of each term on the page", () => {
    store.setNode(textOf('b'), [mention(textOf('b'), 0, 3, 'vpn')]);
    store.setNode(textOf('c'), [mention(textOf('c'), 0, 7, 'twitter')]);
    store.setMarkMode('first');
    expect(store.marked().map((m) => m.node.parentElement?.id)).toEqual(['b', 'c']);
    // A paragraph inserted above moves "first" to it.
    store.setNode(textOf('a'), [
      mention(textOf('a'), 0, 7, 'twitter'),
      mention(textOf('a'), 12, 15, 'vpn'),
    ]);
    expect(store.marked().map((m) => m.node.parentElement?.id)).toEqual(['a', 'a']);
    expect(store.total()).toBe(4);
    store.setMarkMode('all');
    expect(store.marked()).toHaveLength(4);
  });

  it('finds the marked mention at a caret position, including just after its last letter', () => {
    const a = textOf('a');
    store.setNode(a, [mention(a, 0, 7, 'twitter'), mention(a, 12, 15, 'vpn')]);
    expect(store.at(a, 0)?.id).toBe('twitter');
    expect(store.at(a, 6)?.id).toBe('twitter');
    expect(store.at(a, 7)?.id).toBe('twitter');
    expect(store.at(a, 9)).toBeUndefined();
    expect(store.at(a, 13)?.id).toBe('vpn');
    expect(store.at(textOf('b'), 1)).toBeUndefined();
  });

  it('gives no card anchor for mentions left unmarked in first mode', () => {
    const b = textOf('b');
    const a = textOf('a');
    store.setNode(a, [mention(a, 12, 15, 'vpn')]);
    store.setNode(b, [mention(b, 0, 3, 'vpn')]);
    store.setMarkMode('first');
    expect(store.at(a, 13)?.id).toBe('vpn');
    expect(store.at(b, 1)).toBeUndefined();
  });

  it('forgets nodes that left the document', () => {
    const b = textOf('b');
    store.setNode(b, [mention(b, 0, 3, 'vpn')]);
    document.getElementById('b')?.remove();
    expect(store.dropDisconnected()).toBe(1);
    expect(store.total()).toBe(0);
    expect(store.all()).toEqual([]);
  });

  it('tells listeners once per commit, and only when something changed', () => {
    const listener = vi.fn();
    store.onChange(listener);
    const a = textOf('a');
    store.setNode(a, [mention(a, 0, 7, 'twitter')]);
    store.setNode(textOf('b'), [mention(textOf('b'), 0, 3, 'vpn')]);
    store.commit();
    store.commit();
    expect(listener).toHaveBeenCalledTimes(1);
    // The same mentions found again (a rescan) are no change.
    store.setNode(a, [mention(a, 0, 7, 'twitter')]);
    store.commit();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('hands over only what changed since the last paint', () => {
    const a = textOf('a');
    const b = textOf('b');
    const first = mention(a, 0, 7, 'twitter');
    store.setNode(a, [first]);
    store.setNode(b, [mention(b, 0, 3, 'vpn')]);
    store.takeChanges();
    const replacement = mention(a, 12, 15, 'vpn');
    store.setNode(a, [replacement]);
    const transient = mention(textOf('c'), 0, 7, 'twitter');
    store.setNode(textOf('c'), [transient]);
    store.setNode(textOf('c'), []);
    expect(store.pendingChanges()).toBe(2);
    expect(store.takeChanges()).toEqual({ added: [replacement], removed: [first] });
    expect(store.takeChanges()).toEqual({ added: [], removed: [] });
  });
});
