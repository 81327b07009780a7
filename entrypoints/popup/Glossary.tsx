import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../common/glossary-types';
import { askBackground } from '../../common/messaging';
import type { CardView } from '../../common/protocol';
import { readerUrl } from '../../common/reader-url';
import { ContextCard } from '../../components/ContextCard';
import { CATEGORY_LABELS } from '../../components/category-labels';

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
        aria-label="Search glossary"
        placeholder="Search terms, in English or 中文"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <fieldset class="filters">
        <legend class="visually-hidden">Category</legend>
        {CATEGORIES.map((id) => (
          <button
            key={id}
            type="button"
            class="chip"
            aria-pressed={category === id}
            onClick={() => setCategory(category === id ? null : id)}
          >
            {CATEGORY_LABELS[id]}
          </button>
        ))}
      </fieldset>
      {results.kind === 'loading' ? <p class="muted">Loading the glossary…</p> : null}
      {results.kind === 'error' ? (
        <p class="notice" role="alert">
          The glossary could not be read. Try reopening the popup.
        </p>
      ) : null}
      {results.kind === 'ready' ? (
        <>
          <p class="visually-hidden" role="status">
            {results.cards.length === 1 ? '1 term' : `${results.cards.length} terms`}
          </p>
          {results.cards.length === 0 ? (
            <p class="empty">
              No terms match{query ? ` “${query}”` : ''}
              {category ? ` in ${CATEGORY_LABELS[category]}` : ''}.
            </p>
          ) : (
            <ul class="card-list" ref={list} aria-label="Glossary terms">
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
