import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextCard } from '../../components/ContextCard';
import { realCard } from './support/real-cards';

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
    const root = mount(<ContextCard card={card} variant="inline" readerUrl={readerUrl} />);
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog).not.toBeNull();
    const titleId = dialog?.getAttribute('aria-labelledby') ?? '';
    const title = root.querySelector(`[id="${titleId}"]`);
    expect(title?.textContent).toContain('Great Firewall');
    expect(title?.textContent).toContain('防火长城');
    expect(title?.querySelector('[lang="zh-Hans"]')?.textContent).toBe('防火长城');
    expect(root.textContent).toContain('Censorship system');
    expect(root.textContent).toContain(card.summary);
    expect(dialog?.getAttribute('aria-modal')).toBe('false');
  });

  it('quotes the article verbatim and names it as the source', () => {
    const root = mount(<ContextCard card={card} variant="inline" readerUrl={readerUrl} />);
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
      <ContextCard card={card} variant="inline" readerUrl={readerUrl} onRelated={onRelated} />,
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
    const root = mount(<ContextCard card={card} variant="glossary" readerUrl={readerUrl} />);
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Read in context');
    expect(link?.getAttribute('href')).toBe(readerUrl(0));
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(root.querySelector('article')).not.toBeNull();
  });

  it('inline, opens the reader through a callback and never writes an extension URL', () => {
    const onOpenReader = vi.fn();
    const root = mount(
      <ContextCard
        card={card}
        variant="inline"
        readerUrl={readerUrl}
        onOpenReader={onOpenReader}
      />,
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
    const inline = mount(<ContextCard card={twoQuotes} variant="inline" readerUrl={readerUrl} />);
    expect(inline.querySelectorAll('blockquote')).toHaveLength(1);
    render(null, inline);
    const glossary = mount(
      <ContextCard card={twoQuotes} variant="glossary" readerUrl={readerUrl} />,
    );
    expect(glossary.querySelectorAll('blockquote')).toHaveLength(twoQuotes.quotes.length);
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    const root = mount(
      <ContextCard card={card} variant="inline" readerUrl={readerUrl} onClose={onClose} />,
    );
    root.querySelector<HTMLButtonElement>('button[aria-label="Close card"]')?.click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
