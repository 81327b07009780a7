/**
 * Firewall Lens with the browser itself set to Chinese: the popup, the options page, a card on the
 * article and the reader page speak Chinese, cards explain with the Chinese summary and keep the
 * article's English quote, and nothing overflows the popup. `chinese-interface.<browser>.e2e.ts`
 * launch the browser in its own Chinese UI (Chromium: `LANGUAGE=zh_CN` with chromium-l10n;
 * Firefox: `intl.locale.requested` with the zh-CN language pack) and call `chineseInterfaceTests`.
 * The first test proves the browser really is in Chinese, so the others cannot pass on a page-only
 * locale.
 */
import { expect, it } from 'vitest';
import type { Glossary } from '../../common/glossary-types';
import glossaryJson from '../../data/glossary.json';
import zhMessages from '../../public/_locales/zh_CN/messages.json';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import { waitForMarks } from './harness/foundation-expectations';
import { pointOnText } from './harness/points-on-page';
import { poll } from './harness/poll';
import { openPopupOver } from './harness/popup-suite';
import { clickControl } from './harness/settings-steps';

const glossary = glossaryJson as Glossary;
const entry = (id: string) => {
  const found = glossary.entries.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};
const zh = (id: keyof typeof zhMessages) => zhMessages[id].message;

/** Runs in an extension page: the language the browser gives extensions, and the one in use. */
function languages(): { ui: string; langTag: string; navigator: string } {
  const api =
    (globalThis as unknown as { chrome?: typeof browser; browser?: typeof browser }).browser ??
    (globalThis as unknown as { chrome: typeof browser }).chrome;
  return {
    ui: api.i18n.getUILanguage(),
    langTag: api.i18n.getMessage('langTag'),
    navigator: navigator.language,
  };
}

/** Runs in an extension page: what a reader sees of it, in reading order. */
function pageText(): { lang: string; title: string; headings: string[]; text: string } {
  return {
    lang: document.documentElement.lang,
    title: document.title,
    headings: [...document.querySelectorAll('h1, h2, h3')].map((h) => h.textContent?.trim() ?? ''),
    text: document.body.textContent ?? '',
  };
}

/** Runs in the popup: elements drawn past the popup's edge, or whose text is cut. */
function overflowInPopup(): string[] {
  const popup = document.querySelector('.popup');
  if (!popup) return ['no .popup'];
  const edge = popup.getBoundingClientRect();
  const found: string[] = [];
  for (const element of popup.querySelectorAll<HTMLElement>('*')) {
    if (element.closest('[hidden], .visually-hidden, .fl-visually-hidden')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const name = `${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? '').slice(0, 30)}”`;
    if (rect.right > edge.right + 0.5 || rect.left < edge.left - 0.5)
      found.push(`outside: ${name}`);
    // Scrolling areas scroll on purpose; anything else wider than its box is cut text.
    const style = getComputedStyle(element);
    const scrolls = /auto|scroll/.test(style.overflowX) || /auto|scroll/.test(style.overflowY);
    if (!scrolls && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
      found.push(`cut: ${name}`);
    }
  }
  return found;
}

/** Runs in the popup: the glossary's cards as listed. */
function glossaryCards(): {
  id: string | null;
  nameZh: string;
  summary: string;
  summaryLang: string | null;
  quoteLang: string | null;
  citeLang: string | null;
}[] {
  return [...document.querySelectorAll('.card-list .fl-card')].map((card) => ({
    id: card.getAttribute('data-card-id'),
    nameZh: card.querySelector('.fl-card__label-zh')?.textContent ?? '',
    summary: card.querySelector('.fl-card__summary')?.textContent ?? '',
    summaryLang: card.querySelector('.fl-card__summary')?.getAttribute('lang') ?? null,
    quoteLang: card.querySelector('blockquote')?.getAttribute('lang') ?? null,
    citeLang: card.querySelector('cite')?.getAttribute('lang') ?? null,
  }));
}

/** Runs in the popup: each "on this page" row's visible name. */
function mentionLabels(): string[] {
  return [...document.querySelectorAll('.mention-label')].map((label) => label.textContent ?? '');
}

/** Runs in the article: the open card as the reader sees it, or null. */
function readChineseCard(): {
  id: string | null;
  lang: string | null;
  category: string;
  summary: string;
  summaryLang: string | null;
  quote: string;
  quoteLang: string | null;
  cite: string;
  citeLang: string | null;
  reader: string;
  summaryFont: string;
  lineBreak: string;
} | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) return null;
  const text = (selector: string) => dialog.querySelector(selector)?.textContent?.trim() ?? '';
  const summary = dialog.querySelector('.fl-card__summary');
  return {
    id: dialog.getAttribute('data-card-id'),
    lang: dialog.getAttribute('lang'),
    category: text('.fl-card__category'),
    summary: summary?.textContent ?? '',
    summaryLang: summary?.getAttribute('lang') ?? null,
    quote: text('blockquote'),
    quoteLang: dialog.querySelector('blockquote')?.getAttribute('lang') ?? null,
    cite: text('cite'),
    citeLang: dialog.querySelector('cite')?.getAttribute('lang') ?? null,
    reader: text('.fl-card__reader'),
    summaryFont: summary ? getComputedStyle(summary).fontFamily : '',
    lineBreak: summary ? getComputedStyle(summary).lineBreak : '',
  };
}

/** A CJK stack puts a Chinese face before every Latin one. */
function expectChineseFontFirst(fontFamily: string): void {
  const faces = fontFamily.split(',').map((face) => face.trim().replace(/^"|"$/g, ''));
  const chinese = faces.indexOf('PingFang SC');
  expect(chinese, fontFamily).toBeGreaterThan(-1);
  expect(chinese, fontFamily).toBeLessThan(faces.indexOf('Segoe UI'));
}

export function chineseInterfaceTests<S extends BrowserSession>(launch: () => Promise<S>): void {
  const env = browserForSuite(launch);

  it('runs in a browser whose own interface is Chinese, and the extension follows it', async () => {
    const page = await env().session.openExtensionPage('options.html');
    const seen = await page.evaluate(languages);
    expect(seen.ui).toMatch(/^zh[-_]CN$/i);
    expect(seen.langTag).toBe('zh-CN');
    await page.close();
  });

  it('the popup over the article: Chinese tabs, switch and term names, all inside its width', async () => {
    const { session, origin } = env();
    const article = await session.openPage(`${origin}/article.html`);
    await waitForMarks(article);
    const popup = await openPopupOver(session, article);
    const shown = await popup.evaluate(pageText);
    expect(shown.lang).toBe('zh-CN');
    expect(shown.text).toContain(zh('popupTabPage'));
    expect(shown.text).toContain(zh('popupTabGlossary'));
    expect(shown.text).toContain('在 127.0.0.1 上启用');
    // The article mentions terms, so the popup opens on them, named in Chinese.
    const names = await poll(
      async () => {
        const labels = await popup.evaluate(mentionLabels);
        return labels.length > 0 && labels;
      },
      { timeout: 5_000, message: 'the terms on the page' },
    );
    expect(names).toContain('虚拟专用网络');
    expect(names).toContain('防火长城');
    expect(await popup.evaluate(overflowInPopup)).toEqual([]);

    await clickControl(popup, 'tab', zh('popupTabGlossary'));
    const cards = await poll(
      async () => {
        const listed = await popup.evaluate(glossaryCards);
        return listed.length === glossary.entries.length && listed;
      },
      { timeout: 5_000, message: 'every card in the glossary' },
    );
    // Listed by Chinese name in pinyin order (电报 diàn before 防火长城 fáng before 谷歌 gǔ).
    const namesZh = cards.map((card) => card.nameZh ?? '');
    const pinyin = new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true });
    expect(namesZh).toEqual([...namesZh].sort(pinyin.compare));
    expect(namesZh.indexOf('防火长城')).toBeLessThan(namesZh.indexOf('谷歌'));
    for (const card of cards) {
      expect(card.summary).toBe(entry(card.id ?? '').summaryZh);
      expect(card.summaryLang).toBe('zh-CN');
      expect(card.quoteLang).toBe('en');
      expect(card.citeLang).toBe('en');
    }
    expect(await popup.evaluate(overflowInPopup)).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('the options page: headings, title and fonts in Chinese', async () => {
    const options = await env().session.openExtensionPage('options.html');
    const shown = await poll(
      async () => {
        const text = await options.evaluate(pageText);
        // The settings' sections render once the settings are read; "Your terms" and "Data"
        // can come first.
        return text.headings.includes(zh('generalHeading')) && text;
      },
      { timeout: 5_000, message: 'the options page with its settings' },
    );
    expect(shown.lang).toBe('zh-CN');
    expect(shown.title).toBe(zh('optionsTitle'));
    expect(shown.headings).toEqual(
      expect.arrayContaining([
        zh('generalHeading'),
        zh('sitesHeading'),
        zh('categoriesHeading'),
        zh('appearanceHeading'),
        zh('privacyHeading'),
        zh('dataHeading'),
      ]),
    );
    expect(shown.text).toContain(zh('stealthLabel'));
    expect(shown.text).not.toContain('Stealth mode');
    const style = await options.evaluate(() => {
      const heading = document.querySelector('h2');
      return heading
        ? {
            font: getComputedStyle(heading).fontFamily,
            lineBreak: getComputedStyle(heading).lineBreak,
          }
        : null;
    });
    expectChineseFontFirst(style?.font ?? '');
    expect(style?.lineBreak).toBe('strict');
    await options.close();
  });

  it('a card on the article explains in Chinese and quotes the article in English', async () => {
    const { session, origin } = env();
    const page = await session.openPage(`${origin}/article.html`);
    await waitForMarks(page);
    await page.mouseMove(2, 2);
    const point = await page.evaluate(pointOnText, { elementId: 'lede', text: 'Great Firewall' });
    if (!point) throw new Error('"Great Firewall" not found in #lede');
    await page.mouseMove(point.x, point.y);
    const card = await poll(() => page.evaluate(readChineseCard), {
      timeout: 5_000,
      message: 'the Great Firewall card',
    });
    const greatFirewall = entry('great-firewall');
    expect(card).toMatchObject({
      id: 'great-firewall',
      lang: 'zh-CN',
      category: zh('categoryCensorshipSystem'),
      summary: greatFirewall.summaryZh,
      summaryLang: 'zh-CN',
      quote: greatFirewall.quotes[0]?.text,
      quoteLang: 'en',
      cite: 'Second World Internet Conference Concludes',
      citeLang: 'en',
      reader: zh('cardReadInContext'),
      lineBreak: 'strict',
    });
    expectChineseFontFirst(card.summaryFont);
    await page.close();
  });

  it('the reader page names itself in Chinese around the English article', async () => {
    const reader = await env().session.openExtensionPage('reader.html?card=great-firewall&quote=0');
    const titled = zh('readerTitleWithSource').replace(
      '$title$',
      'Second World Internet Conference Concludes',
    );
    const shown = await poll(
      async () => {
        const text = await reader.evaluate(pageText);
        return text.text.includes(zh('readerQuotedOn')) && text.title === titled && text;
      },
      { timeout: 5_000, message: 'the reader page, its article and its title' },
    );
    expect(shown.lang).toBe('zh-CN');
    expect(shown.text).toContain(zh('readerBrand'));
    expect(shown.text).toContain('防火长城');
    const articleLang = await reader.evaluate(
      () => document.querySelector('article')?.getAttribute('lang') ?? null,
    );
    expect(articleLang).toBe('en');
    await reader.close();
  });
}
