/**
 * Blocked platforms as 2026 news names them, in both browsers: the new platforms in English and
 * Chinese, X where the story says it is the platform (and not Plan X, Model X, X-ray, Generation
 * X, the X Games or SpaceX), and links in the story to blocked platforms marked as those platforms
 * while an ordinary link, share and follow links, the site navigation and the footer stay unmarked.
 * `platforms.<browser>.e2e.ts` launch the browser and call `platformsSuite`.
 */
import { expect, it } from 'vitest';
import { markSummary, waitForMarkSummary } from './detection.expectations';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import { sendToTabInExtensionPage, tabIdOf } from './harness/extension-pages';
import type { PageDriver } from './harness/page-driver';

const platform = 'firewall-lens-blocked-platform';
const circumvention = 'firewall-lens-circumvention';

/** Every mark of platforms.html, in highlight-name order, then document order. */
export const PLATFORM_MARKS = [
  `${platform} p#intro: X`,
  `${platform} p#intro: Twitter`,
  `${platform} p#intro: Instagram`,
  `${platform} p#intro: WhatsApp`,
  `${platform} p#intro: Telegram`,
  `${platform} p#search: Google`,
  `${platform} p#search: Gmail`,
  `${platform} p#search: Google Maps`,
  `${platform} p#search: Wikipedia`,
  `${platform} p#on-x: X`,
  `${platform} p#on-x: X`,
  `${platform} p#on-x: X`,
  `${platform} a#video: a video of her studio`,
  `${platform} a#channel: her channel`,
  `${platform} a#page: public page`,
  `${platform} p#zh: 谷歌搜索`,
  `${platform} p#zh: 维基百科`,
  `${platform} p#zh: X`,
  `${platform} p#zh: 推特`,
  `${circumvention} p#intro: VPN`,
];

export function platformsSuite<S extends BrowserSession>(launch: () => Promise<S>): void {
  const env = browserForSuite(launch, async ({ session, origin }) => {
    const popup = await session.openExtensionPage('popup.html');
    const story = await session.openPage(`${origin}/platforms.html`);
    return { popup, story, tabId: await tabIdOf(story, popup) };
  });

  it('marks the new platforms, X in all its forms and the links to platforms, and nothing else', async () => {
    await waitForMarkSummary(env().story, PLATFORM_MARKS, 'the platforms story');
    const marks = await markSummary(env().story as PageDriver);
    for (const decoy of ['p#decoys', 'a#report', 'p#share', 'nav', 'footer']) {
      expect(marks.filter((mark) => mark.includes(` ${decoy}`))).toEqual([]);
    }
  });

  it('counts the links and every X in the page’s list of mentions, under their platforms', async () => {
    const reply = await env().popup.evaluate(sendToTabInExtensionPage, {
      tabId: env().tabId,
      message: { type: 'page-mentions-list' },
    });
    expect(reply).toMatchObject({ ok: true });
    const list = (reply as { value: { id: string; count: number }[] }).value;
    expect(Object.fromEntries(list.map(({ id, count }) => [id, count]))).toEqual({
      twitter: 7,
      instagram: 1,
      whatsapp: 1,
      telegram: 2,
      vpn: 1,
      google: 4,
      wikipedia: 2,
      youtube: 1,
      facebook: 1,
    });
  });
}
