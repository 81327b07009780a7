import { useEffect, useState } from 'preact/hooks';
import { interfaceIsChinese, interfaceLanguage, plural, t } from '../../common/i18n';
import { askBackground, askTab } from '../../common/messaging';
import type { TabMention } from './merge-mentions';
import { tabMentions } from './tab-mentions';

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; mentions: TabMention[] };

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
      const mentions = await tabMentions(tabId);
      // The content script knows ids and counts; labels come from the card cache.
      const cards = await askBackground({ type: 'cards', ids: mentions.map((m) => m.id) }).catch(
        () => [],
      );
      // Named in the interface language, like the glossary.
      const chinese = interfaceIsChinese();
      const labels = new Map(cards.map((card) => [card.id, chinese ? card.labelZh : card.label]));
      const named = mentions.map((m) => ({ ...m, label: labels.get(m.id) ?? m.label }));
      const collator = new Intl.Collator(interfaceLanguage());
      named.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
      if (!cancelled) setState({ kind: 'ready', mentions: named });
    })().catch(() => {
      if (!cancelled) setState({ kind: 'unavailable' });
    });
    return () => {
      cancelled = true;
    };
  }, [props.tabId]);

  if (state.kind === 'loading') return <p class="muted">{t('onPageLoading')}</p>;
  if (state.kind === 'unavailable') {
    return <p class="muted">{t('onPageUnavailable')}</p>;
  }
  if (state.mentions.length === 0) {
    return <p class="empty">{t('onPageEmpty')}</p>;
  }

  const reveal = async ({ id, frameId }: TabMention) => {
    if (props.tabId === null) return;
    // In a frame, the mention's own scrollIntoView brings the frame into the top page's view too.
    const { revealed } = await askTab(
      props.tabId,
      { type: 'reveal-mention', id, direction: 'next' },
      frameId,
    ).catch(() => ({ revealed: false }));
    // The card opens in the page; the popup would cover it.
    if (revealed) window.close();
  };

  return (
    <ul class="mention-list" aria-label={t('onPageList')}>
      {state.mentions.map((mention) => (
        <li key={mention.id}>
          <button type="button" class="mention" onClick={() => void reveal(mention)}>
            <span class="mention-label">{mention.label}</span>
            <span class="mention-count">
              <span aria-hidden="true">{mention.count.toLocaleString(interfaceLanguage())}</span>
              <span class="visually-hidden">{plural('onPageMentions', mention.count)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
