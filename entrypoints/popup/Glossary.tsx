import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../common/glossary-types';
import { plural, t } from '../../common/i18n';
import { askBackground } from '../../common/messaging';
import type { CardView } from '../../common/protocol';
import { readerUrl } from '../../common/reader-url';
import { ContextCard } from '../../components/ContextCard';
import { categoryGroupLabel } from '../../components/category-labels';

/** Typing pauses shorter than this are one search; the database answers in a few ms anyway. */
const SEARCH_DEBOUNCE_MS = 120;

type Results = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; cards: CardView[] };

export function Glossary() {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [results, setResults] = useState<Results>({ kind: 'loading' });
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        askBackground({ type: 'search', query, ...(category ? { category } : {}) }).then(
          (cards) => !cancelled && setResults({ kind: 'ready', cards }),
          () => !cancelled && setResults({ kind: 'error' }),
        );
      },
      query === '' ? 0 : SEARCH_DEBOUNCE_MS,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, category]);

  // A related term jumps to its card: shown in the full list, scrolled to and focused.
  useEffect(() => {
    if (focusId === null || results.kind !== 'ready') return;
    const item = list.current?.querySelector<HTMLElement>(`[data-card-id="${focusId}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'start' });
    item.focus();
    setFocusId(null);
  }, [focusId, results]);

  const showRelated = (id: string) => {
    setQuery('');
    setCategory(null);
    setFocusId(id);
  };

  return (
    <div class="glossary">
      <input
        type="search"
        class="search"
        aria-label={t('glossarySearchLabel')}
        placeholder={t('glossarySearchPlaceholder')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <fieldset class="filters">
        <legend class="visually-hidden">{t('glossaryCategoryLegend')}</legend>
        {CATEGORIES.map((id) => (
          <button
            key={id}
            type="button"
            class="chip"
            aria-pressed={category === id}
            onClick={() => setCategory(category === id ? null : id)}
          >
            {categoryGroupLabel(id)}
          </button>
        ))}
      </fieldset>
      {results.kind === 'loading' ? <p class="muted">{t('glossaryLoading')}</p> : null}
      {results.kind === 'error' ? (
        <p class="notice" role="alert">
          {t('glossaryError')}
        </p>
      ) : null}
      {results.kind === 'ready' ? (
        <>
          <p class="visually-hidden" role="status">
            {plural('glossaryTermCount', results.cards.length)}
          </p>
          {results.cards.length === 0 ? (
            <p class="empty">{noMatch(query, category)}</p>
          ) : (
            <ul class="card-list" ref={list} aria-label={t('glossaryTermsList')}>
              {results.cards.map((card) => (
                <li key={card.id} data-card-id={card.id} tabIndex={-1}>
                  <ContextCard
                    card={card}
                    variant="glossary"
                    onRelated={showRelated}
                    reader={{ href: (quoteIndex) => readerUrl(card.id, quoteIndex) }}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}

/** One sentence per case: languages put the query and the category in different places. */
function noMatch(query: string, category: CategoryId | null): string {
  if (query && category) {
    return t('glossaryNoMatchQueryCategory', { query, category: categoryGroupLabel(category) });
  }
  if (query) return t('glossaryNoMatchQuery', { query });
  if (category) return t('glossaryNoMatchCategory', { category: categoryGroupLabel(category) });
  return t('glossaryNoMatch');
}
