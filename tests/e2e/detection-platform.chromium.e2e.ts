/**
 * Story detection on a platform's own site, on its real host: the same page served from
 * 127.0.0.1 and, through the browser's request interception, from https://x.com. Only the host
 * differs; on x.com "Twitter" in the site's chrome (here a link in the story) is not marked, its prose
 * mention is. On both, an embedded post's attribution line and links, and share and follow bars
 * named in Japanese, are not marked; the post's own text is.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserForSuite } from './harness/browser-session';
import { launchChromiumSession } from './harness/chromium';
import { readHighlights } from './harness/highlights';
import type { PageDriver } from './harness/page-driver';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { poll } from './harness/poll';

const PAGE = join(FIXTURE_PAGES_DIR, 'platform-post.html');
const ON_X = 'https://x.com/li/status/1';

/** `text in #id` for every mark, sorted, once the number of marks holds. */
async function settledMarks(page: PageDriver): Promise<string[]> {
  let last = '';
  return poll(
    async () => {
      const highlights = await readHighlights(page);
      const marks = highlights
        .filter(({ name }) => name.startsWith('firewall-lens-'))
        .flatMap(({ ranges }) =>
          ranges.map((r) => `${r.text} in ${r.path.find((p) => p.includes('#')) ?? r.path[0]}`),
        )
        .sort();
      const now = JSON.stringify(marks);
      const settled = marks.length > 0 && now === last;
      last = now;
      return settled ? marks : undefined;
    },
    { message: 'the marks to settle', interval: 300 },
  );
}

const EVERYWHERE = [
  'Twitter in p#story-2',
  'VPN in p#quoted',
  'VPN in p#story-1',
  'VPN in p#story-4',
];

describe("a blocked platform's own page, in Chromium", () => {
  const env = browserForSuite(launchChromiumSession, async ({ session }) => {
    await session.extension.context.route(`${ON_X}`, (route) => route.fulfill({ path: PAGE }));
    return {};
  });

  it('on another host, marks the story and its links, but no embed chrome or share bar', async () => {
    const page = await env().session.openPage(`${env().origin}/platform-post.html`);
    const marks = await settledMarks(page);
    expect(marks).toEqual([...EVERYWHERE, 'Twitter in a#notice-link'].sort());
  });

  it("on x.com, does not mark Twitter's name in its own chrome, and marks the rest the same", async () => {
    const page = await env().session.openPage(ON_X);
    expect(await page.evaluate(() => location.hostname)).toBe('x.com');
    expect(await settledMarks(page)).toEqual([...EVERYWHERE].sort());
  });
});
