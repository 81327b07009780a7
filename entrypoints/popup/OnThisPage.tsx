import { useEffect, useState } from 'preact/hooks';
import { askBackground, askTab } from '../../common/messaging';
import type { PageMention } from '../../common/protocol';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; mentions: PageMention[] };

export function OnThisPage(props: { tabId: number | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const { tabId } = props;
    if (tabId === null) {
      setState({ kind: 'unavailable' });
      return;
    }
    let cancelled = false;
    (async () => {
      const mentions = await askTab(tabId, { type: 'page-mentions-list' });
      // The content script knows ids and counts; labels come from the card cache.
      const cards = await askBackground({ type: 'cards', ids: mentions.map((m) => m.id) }).catch(
        () => [],
      );
      const labels = new Map(cards.map((card) => [card.id, card.label]));
      const named = mentions.map((m) => ({ ...m, label: labels.get(m.id) ?? m.label }));
      named.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      if (!cancelled) setState({ kind: 'ready', mentions: named });
    })().catch(() => {
      if (!cancelled) setState({ kind: 'unavailable' });
    });
    return () => {
      cancelled = true;
    };
  }, [props.tabId]);

  if (state.kind === 'loading') return <p class="muted">Looking at this page…</p>;
  if (state.kind === 'unavailable') {
    return <p class="muted">Nothing to show: Firewall Lens is not reading this page.</p>;
  }
  if (state.mentions.length === 0) {
    return <p class="empty">No terms from the glossary on this page.</p>;
  }

  const reveal = async (id: string) => {
    if (props.tabId === null) return;
    const { revealed } = await askTab(props.tabId, {
      type: 'reveal-mention',
      id,
      direction: 'next',
    }).catch(() => ({ revealed: false }));
    // The card opens in the page; the popup would cover it.
    if (revealed) window.close();
  };

  return (
    <ul class="mention-list" aria-label="Terms on this page">
      {state.mentions.map((mention) => (
        <li key={mention.id}>
          <button type="button" class="mention" onClick={() => void reveal(mention.id)}>
            <span class="mention-label">{mention.label}</span>
            <span class="mention-count">
              {mention.count}
              <span class="visually-hidden"> {mention.count === 1 ? 'mention' : 'mentions'}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
