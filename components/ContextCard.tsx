/**
 * One glossary entry as a reader sees it: name, kind, a short explanation, the article's own
 * words, related terms and a way to read the quote in its place. Used inline on pages (inside the
 * card host's shadow root) and in the popup's glossary.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { interfaceIsChinese, interfaceLanguage, t } from '../common/i18n';
import type { CardView } from '../common/protocol';
import { categoryLabel } from './category-labels';
import { quoteNamesTerm } from './quote-names-term';

export interface ContextCardProps {
  card: CardView;
  /** `inline`: a non-modal dialog floating over a page. `glossary`: an article in a list. */
  variant: 'inline' | 'glossary';
  onClose?: () => void;
  onRelated?: (id: string) => void;
  /**
   * "Read in context": a link to the reader page (`href`, quote `quoteIndex` highlighted) on the
   * extension's own pages, a button (`open`) inline. Inline it must be a button: a web page may
   * not navigate to an extension page, and an extension URL in the page's DOM would hand the
   * page's scripts this extension's id (in Firefox, a per-profile identifier usable for tracking).
   */
  reader: { href: (quoteIndex: number) => string } | { open: (quoteIndex: number) => void };
  /** Inline: the pin button (pressed while the card stays open without the pointer on it). */
  pin?: { pinned: boolean; toggle: () => void };
  /** Inline: "Copy quote"; resolves to whether the quote reached the clipboard. */
  copyQuote?: (quoteIndex: number) => Promise<boolean>;
}

/** How long "Copied" shows where the button was: long enough to read, short enough to copy again. */
export const COPIED_NOTICE_MS = 1_500;

function PinIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M10.2 1.5 14.5 5.8l-1.3.6-2.7 2.7.4 3-1.4 1.4-2.8-2.8-3.6 3.6-.9-.9 3.6-3.6L3 7l1.4-1.4 3 .4 2.7-2.7z"
        fill="currentColor"
      />
    </svg>
  );
}

/** "Copy quote", then "Copied" (or "Could not copy") for a moment, announced politely. */
function CopyQuoteButton({ copy }: { copy: () => Promise<boolean> }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (result === null) return;
    const timer = setTimeout(() => setResult(null), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <>
      <button
        type="button"
        class="fl-card__copy"
        onClick={() => void copy().then((ok) => setResult(ok ? 'copied' : 'failed'))}
      >
        {t('cardCopyQuote')}
      </button>
      <span class="fl-card__copied" role="status">
        {result === 'copied' ? t('cardCopied') : result === 'failed' ? t('cardCopyFailed') : ''}
      </span>
    </>
  );
}

/**
 * Inline, the summary shows this many lines until "Show more": the article's quote is the point
 * of the card and must be in view without scrolling inside it (a 760 px high viewport).
 */
export const SUMMARY_LINES = 4;
/**
 * A summary longer than this may not fit in `SUMMARY_LINES` lines of the 288 px text column (at
 * 14 px, 40 characters is a short line), so it gets the toggle. Decided from the text, not by
 * measuring: the card renders once, without a layout pass to wait for.
 */
export const SUMMARY_CLAMP_CHARS = SUMMARY_LINES * 40;
/** Han characters are about twice as wide as the average Latin one: 20 fill a line. */
export const SUMMARY_CLAMP_CHARS_ZH = SUMMARY_LINES * 20;

function clampChars(chinese: boolean): number {
  return chinese ? SUMMARY_CLAMP_CHARS_ZH : SUMMARY_CLAMP_CHARS;
}

/** A link as the card shows it: its host and path, without the scheme (the href has it whole). */
function linkText(href: string): string {
  try {
    const url = new URL(href);
    const text = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    return text.length > 48 ? `${text.slice(0, 47)}…` : text;
  } catch {
    return href;
  }
}

export function ContextCard({
  card,
  variant,
  onClose,
  onRelated,
  reader,
  pin,
  copyQuote,
}: ContextCardProps) {
  const titleId = useId();
  const summaryId = useId();
  // Per card: a related term replaces the card in place and starts clamped again.
  const [expandedCard, setExpandedCard] = useState<string | null>(null);
  // The summary in the interface language; the article's quotes stay in its own, English.
  const chinese = interfaceIsChinese();
  // A reader's own term has one note, in their language, and perhaps no Chinese name.
  const summaryZh = chinese && card.summaryZh !== '';
  const summary = summaryZh ? card.summaryZh : card.summary;
  const summaryLang = summaryZh ? 'zh-CN' : card.own ? undefined : 'en';
  const clampable = variant === 'inline' && summary.length > clampChars(summaryZh);
  const expanded = expandedCard === card.id;
  // Inline, one quote keeps the card short; the glossary has room for all of them.
  const quotes = variant === 'inline' ? card.quotes.slice(0, 1) : card.quotes;
  const Heading = variant === 'inline' ? 'h2' : 'h3';
  const label = (chinese && card.labelZh) || card.label;
  // Only a bundled platform: a reader's own term has no quote to qualify.
  const quoteIsAboutCategory =
    !card.own && card.category === 'blocked-platform' && !quoteNamesTerm(card);
  const facts = card.facts ?? [];

  const body = (
    <>
      {/* Not <header>: outside an article it is a banner landmark, and the page has its own. */}
      <div class="fl-card__head">
        <Heading id={titleId} class="fl-card__title">
          <span class="fl-card__label" lang={card.own ? undefined : 'en'}>
            {card.label}
          </span>
          {card.labelZh && (
            <span class="fl-card__label-zh" lang="zh-CN">
              {card.labelZh}
            </span>
          )}
        </Heading>
        {pin && (
          <button
            type="button"
            class="fl-card__pin"
            aria-label={t('cardPin')}
            aria-pressed={pin.pinned}
            title={pin.pinned ? t('cardPinned') : t('cardPin')}
            onClick={pin.toggle}
          >
            <PinIcon />
          </button>
        )}
        {onClose && (
          <button
            type="button"
            class="fl-card__close"
            aria-label={t('cardClose')}
            onClick={onClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <p class="fl-card__category">
        {categoryLabel(card.category)}
        {card.own && card.category !== 'user' && t('cardOwnSuffix')}
      </p>
      <p
        id={summaryId}
        lang={summaryLang}
        class={`fl-card__summary${clampable && !expanded ? ' fl-card__summary--clamped' : ''}`}
      >
        {summary}
      </p>
      {clampable && (
        <button
          type="button"
          class="fl-card__more"
          aria-expanded={expanded}
          aria-controls={summaryId}
          onClick={() => setExpandedCard(expanded ? null : card.id)}
        >
          {expanded ? t('cardShowLess') : t('cardShowMore')}
        </button>
      )}
      {card.own && (
        <p class="fl-card__own">
          {card.own.link && (
            <>
              <a
                class="fl-card__link"
                href={card.own.link}
                target="_blank"
                rel="noopener noreferrer"
                referrerpolicy="no-referrer"
              >
                {linkText(card.own.link)}
              </a>
              <br />
            </>
          )}
          <span class="fl-card__own-note">{t('cardOwnNote')}</span>
        </p>
      )}
      {quotes.map((quote, index) => (
        <figure class="fl-card__quote" key={quote.start}>
          <blockquote class="fl-card__quote-text" lang="en">
            {quote.text}
          </blockquote>
          <figcaption class="fl-card__source">
            <cite lang="en">{card.sourceTitle}</cite>
            {' · '}
            {'open' in reader ? (
              <button type="button" class="fl-card__reader" onClick={() => reader.open(index)}>
                {t('cardReadInContext')}
              </button>
            ) : (
              <a
                class="fl-card__reader"
                href={reader.href(index)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('cardReadInContext')}
              </a>
            )}
            {copyQuote && (
              <>
                {' · '}
                <CopyQuoteButton copy={() => copyQuote(index)} />
              </>
            )}
          </figcaption>
        </figure>
      ))}
      {quoteIsAboutCategory && quotes.length > 0 && (
        <p class="fl-card__quote-note">{t('cardQuoteNamesCategory', { label })}</p>
      )}
      {facts.length > 0 && (
        <ul class="fl-card__facts">
          {facts.map((fact) => (
            <li class="fl-card__fact" key={fact.source.url}>
              <span lang={chinese ? 'zh-CN' : 'en'}>{chinese ? fact.textZh : fact.text}</span>{' '}
              <span class="fl-card__fact-source">
                {t('cardFactSource')}{' '}
                <a
                  class="fl-card__link"
                  href={fact.source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerpolicy="no-referrer"
                  lang="en"
                >
                  {fact.source.title}
                </a>{' '}
                ({t('cardFactRead', { date: fact.source.read })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {card.relatedLabels.length > 0 && (
        <nav class="fl-card__related" aria-label={t('cardRelatedTo', { label })}>
          <span class="fl-card__related-title" aria-hidden="true">
            {t('cardRelated')}
          </span>
          <ul>
            {card.relatedLabels.map((related) => (
              <li key={related.id}>
                <button
                  type="button"
                  class="fl-card__related-term"
                  lang={chinese && related.labelZh ? 'zh-CN' : 'en'}
                  disabled={!onRelated}
                  onClick={() => onRelated?.(related.id)}
                >
                  {(chinese && related.labelZh) || related.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );

  const shared = {
    class: `fl-card fl-card--${variant}`,
    'aria-labelledby': titleId,
    'aria-describedby': summaryId,
    lang: interfaceLanguage(),
    dir: 'ltr',
    'data-card-id': card.id,
  } as const;
  if (variant === 'glossary') return <article {...shared}>{body}</article>;
  // Non-modal: the page stays usable, so no focus trap and no aria-modal="true".
  return (
    <div {...shared} role="dialog" aria-modal="false" tabIndex={-1}>
      {body}
    </div>
  );
}
