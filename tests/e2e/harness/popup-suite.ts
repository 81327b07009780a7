/**
 * The toolbar popup over the fixture article. Written once; `popup.<browser>.e2e.ts` launch the
 * browser and call `popupTests`. The popup is opened as a tab (test drivers cannot click the
 * toolbar button), loaded while the article is the window's active tab so that its
 * `tabs.query({ active: true, currentWindow: true })` finds the article.
 */
import { beforeEach, expect, it } from 'vitest';
import { type BrowserSession, browserForSuite, type SuiteBrowser } from './browser-session';
import type { PageHighlight } from './highlights';
import type { PageDriver } from './page-driver';
import type { Point } from './points-on-page';
import { poll } from './poll';
import {
  clickControl,
  controlState,
  countRanges,
  ourHighlights,
  resetSettings,
  settledMarks,
  waitForMarksEqual,
} from './settings-steps';

export interface PopupEnv {
  article: PageDriver;
  /** The article's marks with the default settings. */
  baseline: PageHighlight[];
  /** The extension page used to reset the settings. */
  control: PageDriver;
}

/** Runs in the popup: reloads it, leaving no trace of the old document to mistake for the new. */
function reloadPage(): void {
  (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
  setTimeout(() => location.reload(), 0);
}

function reloadedOverTheArticle(): boolean {
  return (
    !(window as unknown as { __beforeReload?: boolean }).__beforeReload &&
    document.readyState === 'complete' &&
    // The site switch appears once the popup has found its tab and the tab has answered.
    document.querySelector('[role="switch"]') !== null
  );
}

/**
 * popup.html in a tab that loads while `article` is the window's active tab. It reloads itself
 * from inside: Puppeteer's `reload` may never resolve on an extension page in Firefox ESR, like
 * `goto`.
 */
export async function openPopupOver<P extends PageDriver>(
  session: BrowserSession<P>,
  article: PageDriver,
): Promise<P> {
  const popup = await session.openExtensionPage('popup.html');
  await article.bringToFront();
  await popup.evaluate(reloadPage);
  await poll(() => popup.evaluate(reloadedOverTheArticle), {
    timeout: 10_000,
    message: 'the popup to load again behind the article',
  });
  // It has found its tab; in front it runs at full speed (background tabs' timers are throttled).
  await popup.bringToFront();
  return popup;
}

/** The popup may have closed itself (a click on a term closes it where the browser allows). */
async function closeIfOpen(page: PageDriver): Promise<void> {
  if (!page.isClosed()) await page.close();
}

/**
 * The article's terms as the popup must list them: counted from the fixture by hand (English and
 * Chinese mentions together), most mentioned first, ties by label.
 */
export const ARTICLE_TERMS: [string, string][] = [
  ['VPN', '4 mentions'],
  ['Great Firewall', '3 mentions'],
  ['Facebook', '2 mentions'],
  ['Twitter', '2 mentions'],
  ['Google', '1 mention'],
  ['Internet censorship in China', '1 mention'],
  ['Internet sovereignty', '1 mention'],
  ['Sina Weibo', '1 mention'],
  ['World Internet Conference', '1 mention'],
  ['YouTube', '1 mention'],
];

/** Runs in the popup: each row of "On this page" as [label, count as read aloud], or null. */
export function popupMentionRows(): [string, string][] | null {
  const list = document.querySelector('[aria-label="Terms on this page"]');
  if (!list) return null;
  // What a screen reader says: aria-hidden parts (the count drawn for the eye) are skipped.
  const said = (node: Node): string =>
    node instanceof Element && node.getAttribute('aria-hidden') === 'true'
      ? ''
      : node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : [...node.childNodes].map(said).join('');
  const spoken = (element: Element | null) =>
    (element ? said(element) : '').replace(/\s+/g, ' ').trim();
  return [...list.querySelectorAll('button')].map((button) => [
    spoken(button.querySelector('.mention-label')),
    spoken(button.querySelector('.mention-count')),
  ]);
}

/** Runs in the popup: the glossary as listed (labels in order), or its empty-state text. */
export function glossaryShown(): { labels: string[]; empty: string | null } {
  const labels = [
    ...document.querySelectorAll('[aria-label="Glossary terms"] .fl-card__label'),
  ].map((label) => label.textContent ?? '');
  const empty = document.querySelector('.glossary .empty')?.textContent?.trim() ?? null;
  return { labels, empty };
}

/** Runs in the popup: selects the search box's text, so typing replaces it. */
export function selectSearchText(): boolean {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search glossary"]');
  input?.focus();
  input?.select();
  return input !== null;
}

async function searchGlossaryFor(popup: PageDriver, query: string): Promise<void> {
  await clickControl(popup, 'searchbox', 'Search glossary');
  await popup.evaluate(selectSearchText);
  await popup.type(query);
}

async function waitForGlossary(
  popup: PageDriver,
  check: (shown: { labels: string[]; empty: string | null }) => boolean,
  message: string,
): Promise<{ labels: string[]; empty: string | null }> {
  let last: { labels: string[]; empty: string | null } = { labels: [], empty: null };
  try {
    return await poll(
      async () => {
        last = await popup.evaluate(glossaryShown);
        return check(last) && last;
      },
      { timeout: 5_000, message },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; shown: ${JSON.stringify(last)}`);
  }
}

/**
 * Registers the popup tests in the calling `describe`. `popupCanCloseItself`: whether the popup
 * page can close itself with `window.close()`. Firefox lets a script close only a window a script
 * opened; the toolbar popup is one, a tab the test driver opened is not.
 */
export function popupTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { popupCanCloseItself }: { popupCanCloseItself: boolean },
): () => SuiteBrowser<S> & PopupEnv {
  const env = browserForSuite(launch, async ({ session, origin }): Promise<PopupEnv> => {
    const article = await session.openPage(`${origin}/article.html`);
    const control = await session.openExtensionPage('options.html');
    return { article, control, baseline: await settledMarks(article) };
  });
  const openPopup = () => openPopupOver(env().session, env().article);

  beforeEach(async () => {
    const { article, control, baseline } = env();
    await resetSettings(control);
    await waitForMarksEqual(article, baseline, 'the article marked as with the defaults');
  });

  it('shows "Enabled on 127.0.0.1" as an on switch over the marked article', async () => {
    const popup = await openPopup();
    // Wrapped: poll() would take an off switch (false) for "not shown yet".
    const shown = await poll(
      async () => {
        const on = await popup.evaluate(controlState, {
          role: 'switch',
          name: 'Enabled on 127.0.0.1',
        });
        return on === null ? null : { on };
      },
      { timeout: 5_000, message: 'the "Enabled on 127.0.0.1" switch' },
    );
    expect(shown.on).toBe(true);
    await closeIfOpen(popup);
  });

  it('"On this page" lists the article\'s terms with their counts, most mentioned first', async () => {
    const { article, baseline } = env();
    const popup = await openPopup();
    const rows = await poll(() => popup.evaluate(popupMentionRows), {
      timeout: 5_000,
      message: 'the list of terms on this page',
    });
    expect(rows).toEqual(ARTICLE_TERMS);
    // The counts are the page's marks, one per mention.
    const counted = rows.reduce((sum, [, count]) => sum + Number.parseInt(count, 10), 0);
    expect(counted).toBe(countRanges(baseline));
    expect(await ourHighlights(article)).toEqual(baseline);
    await closeIfOpen(popup);
  });

  it("the popup's site switch unmarks the article live, and marks it again", async () => {
    const { article, baseline } = env();
    const popup = await openPopup();
    await clickControl(popup, 'switch', 'Enabled on 127.0.0.1');
    await waitForMarksEqual(article, [], 'no mark left on the article');
    await poll(
      async () =>
        (await popup.evaluate(controlState, { role: 'switch', name: 'Enabled on 127.0.0.1' })) ===
        false,
      { timeout: 5_000, message: 'the switch to show off' },
    );
    await clickControl(popup, 'switch', 'Enabled on 127.0.0.1');
    await poll(
      async () =>
        (await popup.evaluate(controlState, { role: 'switch', name: 'Enabled on 127.0.0.1' })) ===
        true,
      { timeout: 5_000, message: 'the switch to show on again' },
    );
    await waitForMarksEqual(article, baseline, 'the marks back');
    await closeIfOpen(popup);
  });

  it('the glossary search narrows the list, in Chinese or English, and says when nothing matches', async () => {
    const popup = await openPopup();
    await clickControl(popup, 'tab', 'Glossary');
    await waitForGlossary(popup, (shown) => shown.labels.length > 8, 'every term');

    await searchGlossaryFor(popup, '微博');
    // The term named 微博 first; Twitter's Chinese summary mentions 新浪微博.
    await waitForGlossary(
      popup,
      (shown) => JSON.stringify(shown.labels) === '["Sina Weibo","Twitter"]',
      'Sina Weibo, then Twitter, for 微博',
    );

    await searchGlossaryFor(popup, 'weibo');
    // Twitter's summary mentions Weibo too; the term named Weibo comes first.
    await waitForGlossary(
      popup,
      (shown) => JSON.stringify(shown.labels) === '["Sina Weibo","Twitter"]',
      'Sina Weibo, then Twitter, for weibo',
    );

    await searchGlossaryFor(popup, 'zzzz');
    const none = await waitForGlossary(
      popup,
      (shown) => shown.labels.length === 0 && shown.empty !== null,
      'the empty state for zzzz',
    );
    expect(none.empty).toBe('No terms match “zzzz”.');
    await closeIfOpen(popup);
  });

  it('a category chip filters the glossary', async () => {
    const popup = await openPopup();
    await clickControl(popup, 'tab', 'Glossary');
    await waitForGlossary(popup, (shown) => shown.labels.length > 8, 'every term');
    await clickControl(popup, 'button', 'Blocked platforms');
    await waitForGlossary(
      popup,
      (shown) =>
        JSON.stringify(shown.labels) ===
        '["Facebook","Google","Instagram","Telegram","Twitter","WhatsApp","Wikipedia","YouTube"]',
      'only the blocked platforms',
    );
    expect(await popup.evaluate(controlState, { role: 'button', name: 'Blocked platforms' })).toBe(
      true,
    );
    await closeIfOpen(popup);
  });

  it('clicking a term in "On this page" opens its card in the article, and the popup closes where the browser lets it', async () => {
    const { article } = env();
    const popup = await openPopup();
    await poll(() => popup.evaluate(popupMentionRows), {
      timeout: 5_000,
      message: 'the list of terms on this page',
    });
    const button = await popup.evaluate(mentionButtonCenter, 'YouTube');
    if (!button) throw new Error('no YouTube row in "On this page"');
    await popup.click(button.x, button.y);
    const cardId = await poll(() => article.evaluate(openCardId), {
      timeout: 5_000,
      message: 'the YouTube card to open in the article',
    });
    expect(cardId).toBe('youtube');
    if (popupCanCloseItself) {
      await poll(() => popup.isClosed(), { timeout: 5_000, message: 'the popup to close itself' });
    }
    await closeIfOpen(popup);
    await article.keyPress('Escape');
  });

  return env;
}

/** Runs in the page: the id of the open card (the host's shadow root is open outside stealth). */
export function openCardId(): string | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  return dialog?.getAttribute('data-card-id') ?? null;
}

/** Runs in the popup: the centre of the "On this page" button whose term label is `label`. */
export function mentionButtonCenter(label: string): Point | null {
  for (const button of document.querySelectorAll('[aria-label="Terms on this page"] button')) {
    if (button.querySelector('.mention-label')?.textContent?.trim() !== label) continue;
    button.scrollIntoView({ block: 'center' });
    const rect = button.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}
