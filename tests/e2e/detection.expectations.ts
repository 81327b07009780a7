/**
 * The detection behaviour both browsers must show on the fixture article, written once;
 * `detection.<browser>.e2e.ts` launch the browser and call `detectionSuite`.
 */
import { expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../common/settings';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import { sendToTabInExtensionPage, tabIdOf } from './harness/extension-pages';
import { readHighlights } from './harness/highlights';
import type { PageDriver } from './harness/page-driver';
import { poll, waitForEqual } from './harness/poll';
import { resetSettings, waitForBadge } from './harness/settings-steps';

/**
 * Installed before the page's scripts: records every DOM mutation made after the document was
 * parsed (the content script runs at document_idle, after that). Firewall Lens must make none.
 */
export function recordPageMutations(): void {
  const w = window as unknown as { __pageMutations: string[] };
  w.__pageMutations = [];
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        w.__pageMutations.push(
          `${record.type} on ${target.nodeName}${target.id ? `#${target.id}` : ''} ${record.attributeName ?? ''}`,
        );
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

/** `highlight-name where: text`, the highlights in name order, ranges in document order. */
export async function markSummary(page: PageDriver): Promise<string[]> {
  const highlights = await readHighlights(page);
  return highlights
    .filter(({ name }) => name.startsWith('firewall-lens-'))
    .flatMap(({ name, ranges }) => ranges.map((r) => `${name} ${r.path[0]}: ${r.text}`));
}

const censorship = 'firewall-lens-censorship-system';
const circumvention = 'firewall-lens-circumvention';
const platform = 'firewall-lens-blocked-platform';
const policy = 'firewall-lens-policy';
const domestic = 'firewall-lens-domestic-platform';
const event = 'firewall-lens-event';

/**
 * Exactly the marks on the fixture article. Absent on purpose: the site header and nav ("Follow us
 * on Facebook"), the share buttons ("Share on Twitter"), the comment textarea (Facebook), the
 * contenteditable draft (YouTube), the footer (Twitter), the page script, and the decoys ("a great
 * firewall appliance", "YouTuber", "Plan X", "油管").
 */
export const ARTICLE_MARKS = [
  `${platform} p#platforms: Facebook`,
  `${platform} p#platforms: YouTube`,
  `${platform} p#platforms: Google's`,
  `${platform} p#platforms: Twitter's`,
  `${platform} p#zh: 脸书`,
  `${platform} p#zh: 推特`,
  `${censorship} h1#headline: Great Firewall`,
  `${censorship} p#lede: Great Firewall`,
  `${censorship} p#rules: censorship in China`,
  `${censorship} p#zh: 防火长城`,
  `${circumvention} h1#headline: VPNs`,
  `${circumvention} p#lede: VPNs`,
  `${circumvention} p#zh: VPN`,
  `${circumvention} p#zh: 翻墙`,
  `${domestic} p#domestic: Weibo`,
  `${event} p#conference: World Internet Conference`,
  `${policy} p#rules: cyber sovereignty`,
];

export function waitForMarkSummary(
  page: PageDriver,
  expected: readonly string[],
  message: string,
): Promise<void> {
  return waitForEqual(() => markSummary(page), [...expected], { message });
}

interface DetectionEnv {
  /** The fixture article, opened with `recordPageMutations` installed before any page script. */
  article: PageDriver;
  /** An extension page (storage, badge, tabs APIs). */
  popup: PageDriver;
  articleTabId: number;
}

/** Registers the detection tests in the calling `describe`; they run in order, on one article. */
export function detectionSuite<S extends BrowserSession>(launch: () => Promise<S>): void {
  const env = browserForSuite(launch, async ({ session, origin }): Promise<DetectionEnv> => {
    const popup = await session.openExtensionPage('popup.html');
    const article = await session.openPage(`${origin}/article.html`, {
      beforePageScripts: recordPageMutations,
    });
    return { article, popup, articleTabId: await tabIdOf(article, popup) };
  });
  const article = () => env().article;
  const expectBadge = (text: string) => waitForBadge(env().popup, env().articleTabId, text);
  /** The defaults with these changes, stored as the settings store stores them. */
  const setSettings = (changes: Partial<Settings>) =>
    resetSettings(env().popup, { ...defaultSettings(), ...changes });
  const screenshotHeadline = () => article().screenshotElement('#headline');
  const mutations = () =>
    article().evaluate(() => (window as unknown as { __pageMutations: string[] }).__pageMutations);
  const addParagraph = (text: string) =>
    article().evaluate(async (t) => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = t;
      document.getElementById('story')?.append(p);
      // The test's own change is not Firewall Lens': forget it once the observer reported it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      (window as unknown as { __pageMutations: string[] }).__pageMutations.length = 0;
    }, text);
  const removeParagraph = () =>
    article().evaluate(async () => {
      document.getElementById('late')?.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      (window as unknown as { __pageMutations: string[] }).__pageMutations.length = 0;
    });

  let markedHeadline: Uint8Array | undefined;

  it('marks exactly the mentions in the story: English, possessive, plural and Chinese', async () => {
    await waitForMarkSummary(article(), ARTICLE_MARKS, 'the article marks');
    markedHeadline = await screenshotHeadline();
  });

  it('never changes the page DOM (no element, attribute or text of ours)', async () => {
    expect(await mutations()).toEqual([]);
  });

  it('shows the number of mentions on the toolbar badge', async () => {
    await expectBadge(String(ARTICLE_MARKS.length));
  });

  it("answers the popup's list of terms on the page, in order of first appearance", async () => {
    const reply = await env().popup.evaluate(sendToTabInExtensionPage, {
      tabId: env().articleTabId,
      message: { type: 'page-mentions-list' },
    });
    expect(reply).toMatchObject({ ok: true });
    const list = (reply as { value: { id: string; count: number }[] }).value;
    expect(list.map(({ id, count }) => `${id}:${count}`)).toEqual([
      'great-firewall:3',
      'vpn:4',
      'facebook:2',
      'youtube:1',
      'google:1',
      'twitter:2',
      'internet-sovereignty:1',
      'internet-censorship:1',
      'sina-weibo:1',
      'world-internet-conference:1',
    ]);
  });

  it('marks a paragraph the page adds later, and drops its marks when it is removed', async () => {
    await addParagraph('Later that week, Weibo users shared a way around the Great Firewall.');
    await waitForMarkSummary(
      article(),
      [
        ...ARTICLE_MARKS.slice(0, 10),
        `${censorship} p#late: Great Firewall`,
        ...ARTICLE_MARKS.slice(10, 15),
        `${domestic} p#late: Weibo`,
        ...ARTICLE_MARKS.slice(15),
      ],
      'the added paragraph to be marked',
    );
    await expectBadge(String(ARTICLE_MARKS.length + 2));
    await removeParagraph();
    await waitForMarkSummary(article(), ARTICLE_MARKS, 'the removed paragraph’s marks to go');
    await expectBadge(String(ARTICLE_MARKS.length));
    expect(await mutations()).toEqual([]);
  });

  it('applies a category switched off, the background style and "first mention only" live', async () => {
    await setSettings({
      categories: { ...defaultSettings().categories, 'blocked-platform': false },
    });
    await waitForMarkSummary(
      article(),
      ARTICLE_MARKS.filter((mark) => !mark.startsWith(platform)),
      'the blocked-platform marks to go',
    );
    await setSettings({ markStyle: 'background', markMode: 'first' });
    await waitForMarkSummary(
      article(),
      [
        `firewall-lens-bg-blocked-platform p#platforms: Facebook`,
        `firewall-lens-bg-blocked-platform p#platforms: YouTube`,
        `firewall-lens-bg-blocked-platform p#platforms: Google's`,
        `firewall-lens-bg-blocked-platform p#platforms: Twitter's`,
        `firewall-lens-bg-censorship-system h1#headline: Great Firewall`,
        `firewall-lens-bg-censorship-system p#rules: censorship in China`,
        `firewall-lens-bg-circumvention h1#headline: VPNs`,
        `firewall-lens-bg-domestic-platform p#domestic: Weibo`,
        `firewall-lens-bg-event p#conference: World Internet Conference`,
        `firewall-lens-bg-policy p#rules: cyber sovereignty`,
      ],
      'background marks on the first mention of each term',
    );
  });

  it('registers nothing at all in stealth mode', async () => {
    await setSettings({ stealth: true });
    await waitForMarkSummary(article(), [], 'no highlights in stealth mode');
    // Still counted: the badge is the browser's, not the page's.
    await expectBadge(String(ARTICLE_MARKS.length));
  });

  it('switched off, leaves nothing behind: no marks, no badge, no reaction to new text', async () => {
    await setSettings({ enabled: false });
    await waitForMarkSummary(article(), [], 'the marks to go');
    await expectBadge('');
    // The marks were really painted (on nested text, in this browser's CSS) and are gone now.
    expect(markedHeadline).toBeDefined();
    expect(
      Buffer.from(await screenshotHeadline()).equals(Buffer.from(markedHeadline as Uint8Array)),
    ).toBe(false);
    await addParagraph('The Great Firewall again.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await markSummary(article())).toEqual([]);
    await removeParagraph();
    expect(await mutations()).toEqual([]);
  });

  it('switched on again, marks the page without a reload', async () => {
    await setSettings({});
    await waitForMarkSummary(article(), ARTICLE_MARKS, 'the marks to come back');
    await expectBadge(String(ARTICLE_MARKS.length));
    await poll(
      async () =>
        Buffer.from(await screenshotHeadline()).equals(Buffer.from(markedHeadline as Uint8Array)),
      { message: 'the headline to look marked again' },
    );
    expect(await mutations()).toEqual([]);
  });
}
