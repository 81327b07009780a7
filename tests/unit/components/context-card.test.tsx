import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ContextCard,
  SUMMARY_CLAMP_CHARS,
  SUMMARY_CLAMP_CHARS_ZH,
  SUMMARY_LINES,
} from '../../../components/ContextCard';
import { useInterfaceLocale } from '../support/fake-i18n';
import { realCard } from '../support/real-cards';

let container: HTMLElement | undefined;

function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

const readerUrl = (quoteIndex: number) =>
  `chrome-extension://test/reader.html?card=great-firewall&quote=${quoteIndex}`;

describe('ContextCard', () => {
  const card = realCard('great-firewall');

  it('names the term in English and Chinese, its kind and what it is', () => {
    const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog).not.toBeNull();
    const titleId = dialog?.getAttribute('aria-labelledby') ?? '';
    const title = root.querySelector(`[id="${titleId}"]`);
    expect(title?.textContent).toContain('Great Firewall');
    expect(title?.textContent).toContain('防火长城');
    expect(title?.querySelector('[lang="zh-CN"]')?.textContent).toBe('防火长城');
    expect(root.textContent).toContain('Censorship system');
    expect(root.textContent).toContain(card.summary);
    expect(dialog?.getAttribute('aria-modal')).toBe('false');
  });

  it('quotes the article verbatim and names it as the source', () => {
    const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
    const quote = root.querySelector('blockquote');
    expect(quote?.textContent).toBe(card.quotes[0]?.text);
    expect(quote?.textContent).toContain('circumvent the Great Firewall');
    expect(root.querySelector('cite')?.textContent).toBe(
      'Second World Internet Conference Concludes',
    );
  });

  it('offers the related terms and tells which one was chosen', () => {
    const onRelated = vi.fn();
    const root = mount(
      <ContextCard
        card={card}
        variant="inline"
        reader={{ href: readerUrl }}
        onRelated={onRelated}
      />,
    );
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.fl-card__related button')];
    expect(buttons.map((button) => button.textContent)).toEqual(
      card.relatedLabels.map((related) => related.label),
    );
    expect(buttons.map((button) => button.textContent)).toContain('VPN');
    buttons.find((button) => button.textContent === 'VPN')?.click();
    expect(onRelated).toHaveBeenCalledWith('vpn');
  });

  it('links "Read in context" to the reader with that quote in the glossary', () => {
    const root = mount(<ContextCard card={card} variant="glossary" reader={{ href: readerUrl }} />);
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Read in context');
    expect(link?.getAttribute('href')).toBe(readerUrl(0));
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(root.querySelector('article')).not.toBeNull();
  });

  it('inline, opens the reader through a callback and never writes an extension URL', () => {
    const onOpenReader = vi.fn();
    const root = mount(
      <ContextCard card={card} variant="inline" reader={{ open: onOpenReader }} />,
    );
    const button = [...root.querySelectorAll('button')].find(
      (candidate) => candidate.textContent === 'Read in context',
    );
    button?.click();
    expect(onOpenReader).toHaveBeenCalledWith(0);
    expect(root.innerHTML).not.toContain('extension://');
  });

  it('shows every quote in the glossary but one inline', () => {
    const twoQuotes = realCard('internet-sovereignty');
    expect(twoQuotes.quotes.length).toBeGreaterThan(1);
    const inline = mount(
      <ContextCard card={twoQuotes} variant="inline" reader={{ href: readerUrl }} />,
    );
    expect(inline.querySelectorAll('blockquote')).toHaveLength(1);
    render(null, inline);
    const glossary = mount(
      <ContextCard card={twoQuotes} variant="glossary" reader={{ href: readerUrl }} />,
    );
    expect(glossary.querySelectorAll('blockquote')).toHaveLength(twoQuotes.quotes.length);
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    const root = mount(
      <ContextCard card={card} variant="inline" reader={{ href: readerUrl }} onClose={onClose} />,
    );
    root.querySelector<HTMLButtonElement>('button[aria-label="Close card"]')?.click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  describe('inline, the quote comes before the fold', () => {
    const moreButton = (root: HTMLElement) =>
      root.querySelector<HTMLButtonElement>('button[aria-controls]');

    it(`clamps a long summary to ${SUMMARY_LINES} lines, with "Show more" in front of the quote`, () => {
      expect(card.summary.length).toBeGreaterThan(SUMMARY_CLAMP_CHARS);
      const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
      const summary = root.querySelector('.fl-card__summary');
      expect(summary?.classList.contains('fl-card__summary--clamped')).toBe(true);
      // Clamped only visually: the whole text stays for screen readers and aria-describedby.
      expect(summary?.textContent).toBe(card.summary);
      const more = moreButton(root);
      expect(more?.textContent).toBe('Show more');
      expect(more?.getAttribute('aria-expanded')).toBe('false');
      expect(more?.getAttribute('aria-controls')).toBe(summary?.id);
      // Reading order: name, kind, summary, the toggle, then the quote.
      const quote = root.querySelector('blockquote') as Element;
      expect(more?.compareDocumentPosition(quote)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
      const css = readFileSync(resolve(__dirname, '../../../components/context-card.css'), 'utf8');
      expect(css).toContain(`-webkit-line-clamp: ${SUMMARY_LINES};`);
    });

    it('"Show more" shows the whole summary and "Show less" clamps it again', () => {
      const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
      act(() => moreButton(root)?.click());
      const summary = root.querySelector('.fl-card__summary');
      expect(summary?.classList.contains('fl-card__summary--clamped')).toBe(false);
      expect(moreButton(root)?.getAttribute('aria-expanded')).toBe('true');
      expect(moreButton(root)?.textContent).toBe('Show less');
      act(() => moreButton(root)?.click());
      expect(summary?.classList.contains('fl-card__summary--clamped')).toBe(true);
    });

    it('a related term replacing the card starts clamped again', () => {
      const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
      act(() => moreButton(root)?.click());
      expect(moreButton(root)?.getAttribute('aria-expanded')).toBe('true');
      act(() =>
        render(
          <ContextCard card={realCard('vpn')} variant="inline" reader={{ href: readerUrl }} />,
          root,
        ),
      );
      expect(root.querySelector('[data-card-id]')?.getAttribute('data-card-id')).toBe('vpn');
      expect(moreButton(root)?.getAttribute('aria-expanded')).toBe('false');
    });

    it('leaves a short summary and the glossary unclamped, without a toggle', () => {
      const short = { ...card, summary: 'A short explanation that fits on two lines.' };
      const inline = mount(
        <ContextCard card={short} variant="inline" reader={{ href: readerUrl }} />,
      );
      expect(moreButton(inline)).toBeNull();
      expect(inline.querySelector('.fl-card__summary--clamped')).toBeNull();
      render(null, inline);
      const glossary = mount(
        <ContextCard card={card} variant="glossary" reader={{ href: readerUrl }} />,
      );
      expect(moreButton(glossary)).toBeNull();
      expect(glossary.querySelector('.fl-card__summary--clamped')).toBeNull();
    });
  });
});

describe('ContextCard in a Chinese interface', () => {
  const card = realCard('great-firewall');
  const inline = () => <ContextCard card={card} variant="inline" reader={{ open: () => {} }} />;

  it('explains in Chinese, marked as Chinese', () => {
    useInterfaceLocale('zh_CN');
    const root = mount(inline());
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('lang')).toBe('zh-CN');
    const summary = root.querySelector('.fl-card__summary');
    expect(summary?.textContent).toBe(card.summaryZh);
    expect(root.textContent).not.toContain(card.summary);
    expect(root.querySelector('.fl-card__category')?.textContent).toBe('审查系统');
    expect(root.querySelector('.fl-card__more')?.textContent).toBe('展开');
    expect(root.querySelector('.fl-card__reader')?.textContent).toBe('在原文中查看');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('与“防火长城”相关');
    const related = [...root.querySelectorAll('.fl-card__related-term')];
    expect(related.map((button) => button.textContent)).toEqual([
      '虚拟专用网络',
      '中国网络审查',
      '脸书',
      '推特',
      '优兔',
      '谷歌',
      '维基百科',
    ]);
    expect(related.every((button) => button.getAttribute('lang') === 'zh-CN')).toBe(true);
  });

  it('keeps the quote verbatim in English, marked lang="en", with the source title', () => {
    useInterfaceLocale('zh_CN');
    const root = mount(inline());
    const quote = root.querySelector('blockquote');
    expect(quote?.textContent).toBe(card.quotes[0]?.text);
    expect(quote?.getAttribute('lang')).toBe('en');
    const cite = root.querySelector('cite');
    expect(cite?.textContent).toBe('Second World Internet Conference Concludes');
    expect(cite?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.fl-card__label')?.getAttribute('lang')).toBe('en');
  });

  it('clamps a Chinese summary by its own measure (a Han character is two Latin ones wide)', () => {
    useInterfaceLocale('zh_CN');
    expect(card.summaryZh.length).toBeGreaterThan(SUMMARY_CLAMP_CHARS_ZH);
    expect(card.summaryZh.length).toBeLessThan(SUMMARY_CLAMP_CHARS);
    const root = mount(inline());
    expect(root.querySelector('.fl-card__summary--clamped')).not.toBeNull();
  });

  it('names the close button in Chinese', () => {
    useInterfaceLocale('zh_CN');
    const root = mount(
      <ContextCard card={card} variant="inline" onClose={() => {}} reader={{ open: () => {} }} />,
    );
    expect(root.querySelector('.fl-card__close')?.getAttribute('aria-label')).toBe('关闭卡片');
  });
});

describe('ContextCard: blocked platforms the article names only as a category', () => {
  it('says the article names the category, not Instagram, under its quote', () => {
    const root = mount(
      <ContextCard card={realCard('instagram')} variant="inline" reader={{ href: readerUrl }} />,
    );
    expect(root.querySelector('blockquote')?.textContent).toContain('Popular social media');
    expect(root.querySelector('.fl-card__quote-note')?.textContent).toBe(
      'The article names blocked social media sites as a category; it does not name Instagram.',
    );
  });

  it('adds no such note where the article names the platform itself', () => {
    const root = mount(
      <ContextCard card={realCard('facebook')} variant="inline" reader={{ href: readerUrl }} />,
    );
    expect(root.querySelector('.fl-card__quote-note')).toBeNull();
  });

  it('shows each fact beyond the article with "Source:", a link to it and the day it was read', () => {
    const card = realCard('wikipedia');
    const fact = card.facts?.[0];
    if (fact === undefined) throw new Error('the Wikipedia entry has a sourced fact');
    const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
    const item = root.querySelector('.fl-card__fact');
    expect(item?.textContent).toContain(fact.text);
    expect(item?.textContent).toContain(`Source: ${fact.source.title}`);
    expect(item?.textContent).toContain(`read ${fact.source.read}`);
    const link = item?.querySelector('a');
    expect(link?.getAttribute('href')).toBe(fact.source.url);
    expect(link?.getAttribute('rel')).toContain('noreferrer');
  });

  it('gives the fact in Chinese when the interface is Chinese', () => {
    useInterfaceLocale('zh_CN');
    const card = realCard('telegram');
    const root = mount(<ContextCard card={card} variant="inline" reader={{ href: readerUrl }} />);
    expect(root.querySelector('.fl-card__fact')?.textContent).toContain(card.facts?.[0]?.textZh);
    expect(root.querySelector('.fl-card__fact')?.textContent).toContain('来源：');
    expect(root.querySelector('.fl-card__quote-note')?.textContent).toContain('电报');
  });
});
