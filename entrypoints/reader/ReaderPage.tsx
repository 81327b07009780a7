/**
 * "Read in context": the whole source article with one quote highlighted and scrolled to, so a
 * reader can check that a card quotes the article faithfully.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import type { CardView, SourceView } from '../../common/protocol';
import { parseReaderSearch } from '../../common/reader-query';
import { articleBlocks, isValidRange, locateQuote, type TextRange } from './article-blocks';

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
  if (!query.ok) return { state: 'error', message: query.error };
  const { target } = query;
  if (target.kind === 'source') {
    const source = await loaders.source(target.source);
    if (!source) return { state: 'error', message: 'This article is not in Firewall Lens.' };
    if (!isValidRange(source.text, target)) {
      return { state: 'error', message: 'The quoted passage is not inside this article.' };
    }
    return { state: 'ready', source, range: { start: target.start, end: target.end } };
  }
  const card = await loaders.card(target.card);
  if (!card) return { state: 'error', message: 'Firewall Lens has no card for this term.' };
  const quote = card.quotes[target.quoteIndex];
  if (!quote) return { state: 'error', message: `The card “${card.label}” has no such quote.` };
  const source = await loaders.source(card.source);
  if (!source) return { state: 'error', message: 'The article this card quotes is missing.' };
  const range = locateQuote(source.text, quote);
  if (!range) {
    return { state: 'error', message: 'The quoted passage could not be found in the article.' };
  }
  return { state: 'ready', source, range, card };
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
          message: `Firewall Lens could not load the article (${describeError(error)}).`,
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

  useEffect(() => {
    if (loaded.state === 'ready') {
      document.title = `${loaded.source.title} · Read in context · Firewall Lens`;
    }
  }, [loaded]);

  return (
    <div class="reader">
      <header class="reader__bar">
        <span class="reader__brand">Firewall Lens · Read in context</span>
        {loaded.state === 'ready' && loaded.card && (
          <span class="reader__card">
            Quoted on the card <strong>{loaded.card.label}</strong>
          </span>
        )}
      </header>
      <main class="reader__main">
        {loaded.state === 'loading' && <p class="reader__status">Loading the article…</p>}
        {loaded.state === 'error' && (
          <div class="reader__error" role="alert">
            <h1>Cannot show this passage</h1>
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
