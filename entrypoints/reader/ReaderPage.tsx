/**
 * "Read in context": the whole source article with one quote highlighted and scrolled to, so a
 * reader can check that a card quotes the article faithfully.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { interfaceIsChinese, type PlainId, t } from '../../common/i18n';
import type { CardView, SourceView } from '../../common/protocol';
import { parseReaderSearch, type ReaderQueryError } from '../../common/reader-query';
import { articleBlocks, isValidRange, locateQuote, type TextRange } from './article-blocks';

const QUERY_ERROR: Readonly<Record<ReaderQueryError, PlainId>> = {
  'bad-quote-index': 'readerBadQuoteIndex',
  'bad-range': 'readerBadRange',
  'empty-range': 'readerEmptyRange',
  'no-article': 'readerNoArticle',
};

export interface ReaderLoaders {
  card(id: string): Promise<CardView | null>;
  source(id: string): Promise<SourceView | null>;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; source: SourceView; range: TextRange; card?: CardView };

async function load(search: string, loaders: ReaderLoaders): Promise<Loaded> {
  const query = parseReaderSearch(search);
  if (!query.ok) return { state: 'error', message: t(QUERY_ERROR[query.error]) };
  const { target } = query;
  if (target.kind === 'source') {
    const source = await loaders.source(target.source);
    if (!source) return { state: 'error', message: t('readerUnknownSource') };
    if (!isValidRange(source.text, target)) {
      return { state: 'error', message: t('readerRangeOutside') };
    }
    return { state: 'ready', source, range: { start: target.start, end: target.end } };
  }
  const card = await loaders.card(target.card);
  if (!card) return { state: 'error', message: t('readerUnknownCard') };
  const quote = card.quotes[target.quoteIndex];
  if (!quote) {
    return { state: 'error', message: t('readerNoSuchQuote', { label: cardName(card) }) };
  }
  const source = await loaders.source(card.source);
  if (!source) return { state: 'error', message: t('readerSourceMissing') };
  const range = locateQuote(source.text, quote);
  if (!range) return { state: 'error', message: t('readerQuoteNotFound') };
  return { state: 'ready', source, range, card };
}

/** A card's name in the interface language. */
function cardName(card: CardView): string {
  return interfaceIsChinese() ? card.labelZh : card.label;
}

export function ReaderPage({ search, loaders }: { search: string; loaders: ReaderLoaders }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const markRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    load(search, loaders).then(
      (result) => live && setLoaded(result),
      (error: unknown) =>
        live &&
        setLoaded({
          state: 'error',
          message: t('readerLoadFailed', { error: describeError(error) }),
        }),
    );
    return () => {
      live = false;
    };
  }, [search, loaders]);

  useLayoutEffect(() => {
    const mark = markRef.current;
    if (loaded.state !== 'ready' || !mark) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    mark.scrollIntoView?.({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
    // Screen readers start reading at the quote.
    mark.focus({ preventScroll: true });
  }, [loaded]);

  // A layout effect, so the tab's title names the source in the same frame as the article: a
  // plain effect waits for an animation frame, which a background tab may not get for a while.
  useLayoutEffect(() => {
    if (loaded.state === 'ready') {
      document.title = t('readerTitleWithSource', { title: loaded.source.title });
    }
  }, [loaded]);

  return (
    <div class="reader">
      <header class="reader__bar">
        <span class="reader__brand">{t('readerBrand')}</span>
        {loaded.state === 'ready' && loaded.card && (
          <span class="reader__card">
            {t('readerQuotedOn')} <strong>{cardName(loaded.card)}</strong>
          </span>
        )}
      </header>
      <main class="reader__main">
        {loaded.state === 'loading' && <p class="reader__status">{t('readerLoading')}</p>}
        {loaded.state === 'error' && (
          <div class="reader__error" role="alert">
            <h1>{t('readerErrorHeading')}</h1>
            <p>{loaded.message}</p>
          </div>
        )}
        {loaded.state === 'ready' && (
          <Article source={loaded.source} range={loaded.range} markRef={markRef} />
        )}
      </main>
    </div>
  );
}

function Article({
  source,
  range,
  markRef,
}: {
  source: SourceView;
  range: TextRange;
  markRef: { current: HTMLElement | null };
}) {
  const blocks = articleBlocks(source.text, source.title, range);
  const hasTitle = blocks[0]?.kind === 'title';
  let firstMark = true;
  return (
    <article class="reader__article" lang="en">
      {!hasTitle && <h1>{source.title}</h1>}
      {blocks.map((block) => {
        const children = block.segments.map((segment, index) => {
          if (!segment.highlighted) return segment.text;
          const ref = firstMark ? markRef : undefined;
          firstMark = false;
          return (
            <mark key={index} ref={ref} tabIndex={ref ? -1 : undefined} class="reader__quote">
              {segment.text}
            </mark>
          );
        });
        return block.kind === 'title' ? (
          <h1 key={block.start}>{children}</h1>
        ) : (
          <p key={block.start}>{children}</p>
        );
      })}
    </article>
  );
}
