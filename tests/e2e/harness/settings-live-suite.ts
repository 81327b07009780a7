/**
 * Settings changed in the options UI must reach the open tabs without a reload. Written once;
 * `settings-live.<browser>.e2e.ts` launch the browser and call `settingsLiveTests`.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Glossary } from '../../../common/glossary-types';
import { defaultSettings } from '../../../common/settings';
import glossaryJson from '../../../data/glossary.json';
import { type BrowserSession, browserForSuite } from './browser-session';
import { tabIdOf } from './extension-pages';
import { canonicalHighlightName, type PageHighlight } from './highlights';
import type { PageDriver } from './page-driver';
import { pointOnText } from './points-on-page';
import { poll } from './poll';
import {
  addSite,
  cardHostNear,
  clickControl,
  controlState,
  countRanges,
  highlightNames,
  markWindow,
  ourHighlights,
  readWindowMark,
  resetSettings,
  settledMarks,
  waitForBadge,
  waitForMarksEqual,
} from './settings-steps';

/** Everything the settings tests need, opened once per browser. */
export interface SettingsLiveEnv {
  /** The fixture article on 127.0.0.1. */
  article: PageDriver;
  /** The same article on another host (localhost), to show a per-site change stays per site. */
  otherSite: PageDriver;
  /** The extension's options page. */
  options: PageDriver;
  articleTabId: number;
  otherTabId: number;
  /** The article's marks with the default settings. */
  baseline: PageHighlight[];
}

/** The default delay before a card opens (common/settings.ts). */
const SHOW_DELAY_MS = defaultSettings().hoverDelayMs;

/** What a blocked-platform mark may say: an alias of a blocked platform, or its possessive. */
const BLOCKED_PLATFORM_SPELLINGS = new Set(
  (glossaryJson as Glossary).entries
    .filter((entry) => entry.category === 'blocked-platform')
    .flatMap((entry) => entry.aliases.map((alias) => alias.text)),
);
function isBlockedPlatformText(text: string): boolean {
  return BLOCKED_PLATFORM_SPELLINGS.has(text.replace(/['’]s$/, ''));
}

/**
 * Registers the settings tests in the calling `describe`: every change is made in the options UI
 * and must reach the open tabs without a reload. `serveOtherSite` makes the article reachable at
 * `otherOrigin` (localhost) where the browser cannot reach it by itself.
 */
export function settingsLiveTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  serveOtherSite: (session: S, otherOrigin: string) => Promise<unknown> = async () => {},
): void {
  const env = browserForSuite(launch, async ({ session, origin }): Promise<SettingsLiveEnv> => {
    const otherOrigin = origin.replace('127.0.0.1', 'localhost');
    await serveOtherSite(session, otherOrigin);
    const article = await session.openPage(`${origin}/article.html`);
    const otherSite = await session.openPage(`${otherOrigin}/article.html`);
    const options = await session.openExtensionPage('options.html');
    const baseline = await settledMarks(article);
    await settledMarks(otherSite);
    return {
      article,
      otherSite,
      options,
      articleTabId: await tabIdOf(article, options),
      otherTabId: await tabIdOf(otherSite, options),
      baseline,
    };
  });
  const total = () => String(countRanges(env().baseline));

  beforeEach(async () => {
    const { article, otherSite, options, baseline } = env();
    await resetSettings(options);
    await waitForMarksEqual(article, baseline, 'the article marked as with the defaults');
    await waitForMarksEqual(otherSite, baseline, 'the other site marked as with the defaults');
    await article.mouseMove(2, 2);
    await article.keyUp('Alt');
    await options.bringToFront();
  });

  it('switching "Enable Firewall Lens" off in the options takes every mark off the open tabs and clears their badges, without a reload', async () => {
    const { article, otherSite, options, articleTabId, otherTabId } = env();
    await waitForBadge(options, articleTabId, total(), 'the badge to count the marks');
    await article.evaluate(markWindow, 'before the switch');
    expect(
      await options.evaluate(controlState, { role: 'switch', name: 'Enable Firewall Lens' }),
    ).toBe(true);

    await clickControl(options, 'switch', 'Enable Firewall Lens');

    await waitForMarksEqual(article, [], 'no Firewall Lens highlight left in the article');
    await waitForMarksEqual(otherSite, [], 'no Firewall Lens highlight left on the other site');
    await waitForBadge(options, articleTabId, '', 'the article badge to clear');
    await waitForBadge(options, otherTabId, '', 'the other badge to clear');
    expect(await article.evaluate(readWindowMark)).toBe('before the switch');
    expect(
      await options.evaluate(controlState, { role: 'switch', name: 'Enable Firewall Lens' }),
    ).toBe(false);
  });

  it('switching it back on brings the same marks and the badge back, without a reload', async () => {
    const { article, options, articleTabId, baseline } = env();
    await resetSettings(options, { ...defaultSettings(), enabled: false });
    await waitForMarksEqual(article, [], 'the marks to go while off');
    await waitForBadge(options, articleTabId, '', 'the badge to clear while off');
    await article.evaluate(markWindow, 'while off');

    await clickControl(options, 'switch', 'Enable Firewall Lens');

    await waitForMarksEqual(article, baseline, 'the same marks as before');
    await waitForBadge(options, articleTabId, total(), 'the badge to count the marks again');
    expect(await article.evaluate(readWindowMark)).toBe('while off');
  });

  it('adding 127.0.0.1 to the sites where it is off unmarks that site and leaves another site marked', async () => {
    const { article, otherSite, options, articleTabId, otherTabId, baseline } = env();
    await addSite(options, 'Add to sites where it is off', '127.0.0.1');

    await waitForMarksEqual(article, [], 'no mark left on 127.0.0.1');
    await waitForBadge(options, articleTabId, '', 'the 127.0.0.1 badge to clear');
    // Give a wrong implementation time to reach the other tab too.
    await new Promise((done) => setTimeout(done, 500));
    expect(await ourHighlights(otherSite)).toEqual(baseline);
    await waitForBadge(options, otherTabId, total(), 'the localhost badge to stay');

    await clickControl(options, 'button', 'Remove 127.0.0.1');
    await waitForMarksEqual(article, baseline, 'the marks back on 127.0.0.1');
  });

  it('switching off "Blocked platforms" removes exactly the Facebook, Twitter and YouTube marks', async () => {
    const { article, options, articleTabId, baseline } = env();
    const blocked = baseline.find(({ name }) => name === 'firewall-lens-blocked-platform');
    const texts = blocked?.ranges.map(({ text }) => text) ?? [];
    expect(texts.length, 'the fixture mentions blocked platforms').toBeGreaterThan(0);
    for (const text of texts) expect(isBlockedPlatformText(text), text).toBe(true);
    const others = baseline.filter((highlight) => highlight !== blocked);

    await clickControl(options, 'checkbox', 'Blocked platforms');

    await waitForMarksEqual(article, others, 'every other mark kept, unchanged');
    await waitForBadge(
      options,
      articleTabId,
      String(countRanges(others)),
      'the badge to count the remaining marks',
    );

    await clickControl(options, 'checkbox', 'Blocked platforms');
    await waitForMarksEqual(article, baseline, 'the blocked platforms marked again');
  });

  it('stealth mode registers no highlight at all, and a card opens only while Alt is held over "Great Firewall"', async () => {
    const { article, options } = env();
    await clickControl(options, 'checkbox', 'Stealth mode');
    await waitForMarksEqual(article, [], 'no Firewall Lens highlight in stealth mode');
    // Not even an empty highlight under our name: the registry must not give the extension away.
    expect(
      (await article.evaluate(highlightNames))
        .map(canonicalHighlightName)
        .filter((name) => name.startsWith('firewall-lens')),
    ).toEqual([]);

    await article.bringToFront();
    // With marks off the word's place cannot come from CSS.highlights: find it in the text.
    const word = await article.evaluate(pointOnText, { elementId: 'lede', text: 'Great Firewall' });
    if (!word) throw new Error('"Great Firewall" not found in #lede');

    await article.mouseMove(word.x, word.y);
    await article.mouseMove(word.x + 1, word.y);
    await new Promise((done) => setTimeout(done, SHOW_DELAY_MS * 3));
    expect((await article.evaluate(cardHostNear, word)).covers, 'no card without Alt').toBe(false);

    await article.mouseMove(2, 2);
    await article.keyDown('Alt');
    await article.mouseMove(word.x, word.y);
    await article.mouseMove(word.x + 1, word.y);
    const card = await poll(
      async () => {
        const near = await article.evaluate(cardHostNear, word);
        return near.covers && near;
      },
      { timeout: 5_000, message: 'a card beside "Great Firewall" while Alt is held' },
    );
    await article.keyUp('Alt');
    expect(card.hostCount).toBe(1);
    // Stealth closes the card's shadow root: the page cannot read which term is being looked up.
    expect(card.shadowRootReadable).toBe(false);
    expect((await article.evaluate(highlightNames)).map(canonicalHighlightName)).not.toContainEqual(
      expect.stringMatching(/^firewall-lens/),
    );
  });
}
