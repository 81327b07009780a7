import type { ComponentChildren } from 'preact';
import { t } from '../../common/i18n';
import type { PolicyBlock, Span } from './policy-blocks';

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((span, i) => {
        if (span.kind === 'code') return <code key={i}>{span.text}</code>;
        if (span.kind === 'strong') return <strong key={i}>{span.text}</strong>;
        return span.text;
      })}
    </>
  );
}

function Block({ block }: { block: PolicyBlock }): ComponentChildren {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${block.level}` as 'h1' | 'h2' | 'h3';
      return (
        <Heading>
          <Spans spans={block.spans} />
        </Heading>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Spans spans={block.spans} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <Spans spans={item} />
            </li>
          ))}
        </ul>
      );
  }
}

/**
 * The policy as written in PRIVACY.md, in English whatever the interface language (`lang="en"`, so
 * that screen readers and line breaking treat it as English); the note above it is translated.
 */
export function PrivacyPage({ blocks }: { blocks: PolicyBlock[] }) {
  return (
    <main class="privacy">
      <p class="privacy__note">{t('privacyPageNote')}</p>
      <article class="privacy__policy" lang="en">
        {blocks.map((block, i) => (
          <Block key={i} block={block} />
        ))}
      </article>
    </main>
  );
}
