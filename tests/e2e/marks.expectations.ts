/**
 * What a reader sees of the marks and what a hostile page can learn, written once for every
 * browser: `marks.<browser>.e2e.ts` launch Chromium, the system Firefox ESR and the oldest Firefox
 * the manifest accepts, and call `marksSuite`. One browser launch and two tabs per browser.
 *
 * - Pixels: each term on a light and a dark background, screenshotted with underline marks, with
 *   tint marks and with none. Both styles must change the term's pixels, differently from each
 *   other, in a colour of their own per category, and leave the text readable.
 * - Probe: a page script that knows the built package (package-contents.ts) looks for the
 *   extension (page-probe.ts) in stealth mode and on a site switched off, where it must find
 *   nothing, and with marks on, where it must find them (the control).
 */
import { expect, it } from 'vitest';
import { CATEGORIES, type CategoryId } from '../../common/glossary-types';
import { defaultSettings, type Settings } from '../../common/settings';
import { type BrowserSession, browserForSuite, type PageOf } from './harness/browser-session';
import { sendToTabInExtensionPage, tabIdOf } from './harness/extension-pages';
import { readPackage } from './harness/package-contents';
import { pageWatcher, probePage } from './harness/page-probe';
import { decodePng, deltaE, diffPixels, type Pixels, textContrastOnMark } from './harness/png';
import { poll, waitForEqual } from './harness/poll';
import { ourHighlights, resetSettings, waitForBadge } from './harness/settings-steps';

/** The terms of marks.html, one per bundled category. */
const TERMS = CATEGORIES.filter((category) => category !== 'user');
const BACKGROUNDS = ['light', 'dark'] as const;
const MARKS_PER_PAGE = TERMS.length * 2 + 3;

type Style = 'underline' | 'background';
type Shots = Map<string, Pixels>;

export interface MarksSuiteOptions<S extends BrowserSession> {
  /** `runtime.id` as content scripts see it (named in WXT's events). */
  runtimeId: (session: S) => string;
  /**
   * The browser draws text decorations in `::highlight()` (not Firefox 140-145): the underline
   * style is a line there, a chip with its own text colour here.
   */
  paintsLines: boolean;
}

export function marksSuite<S extends BrowserSession>(
  launch: () => Promise<S>,
  { runtimeId, paintsLines }: MarksSuiteOptions<S>,
) {
  const env = browserForSuite(launch, async ({ session }) => ({
    popup: await session.openExtensionPage('popup.html'),
  }));
  const setSettings = (changes: Partial<Settings>) =>
    resetSettings(env().popup, { ...defaultSettings(), ...changes });
  const built = () => readPackage(env().session.buildDir);
  const watcher = () =>
    pageWatcher(
      ['wxt:content-script-started', 'wxt:locationchange'].flatMap((event) => [
        `${runtimeId(env().session)}:content:${event}`,
        event,
      ]),
    );
  const probeInput = () => {
    const contents = built();
    return {
      highlightNames: contents.highlightNames,
      rules: contents.rules,
      urls: contents.files.map((file) => env().session.extensionUrl(file)),
    };
  };

  /** A fresh tab of marks.html with the page watcher installed before anything else. */
  async function openWatched(): Promise<{ page: PageOf<S>; tabId: number }> {
    const page = (await env().session.openPage(`${env().origin}/marks.html`, {
      beforePageScripts: watcher(),
    })) as PageOf<S>;
    return { page, tabId: await tabIdOf(page, env().popup) };
  }

  /** The content script is running in the tab: it answers the popup's question. */
  async function waitForContentScript(tabId: number): Promise<void> {
    await poll(
      async () => {
        const reply = (await env().popup.evaluate(sendToTabInExtensionPage, {
          tabId,
          message: { type: 'page-info' },
        })) as { ok?: boolean };
        return reply.ok === true;
      },
      { message: 'the content script to answer page-info' },
    );
  }

  it('in stealth mode a page learns nothing, though the page was read (badge)', async () => {
    await setSettings({ stealth: true });
    const { page, tabId } = await openWatched();
    try {
      await waitForContentScript(tabId);
      await waitForBadge(env().popup, tabId, String(MARKS_PER_PAGE));
      expect(await page.evaluate(probePage, probeInput())).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on a site switched off a page learns nothing', async () => {
    await setSettings({ disabledSites: ['127.0.0.1'] });
    const { page, tabId } = await openWatched();
    try {
      await waitForContentScript(tabId);
      // Long enough for a first scan, had one started.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate(probePage, probeInput())).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the probe can see: it finds the marks and their styles where marks are drawn, and a package rule put in the page', async () => {
    await setSettings({});
    const { page } = await openWatched();
    try {
      await poll(async () => (await ourHighlights(page)).length === TERMS.length, {
        message: 'a highlight per category',
      });
      const findings = await page.evaluate(probePage, probeInput());
      expect(findings).toContainEqual(expect.stringMatching(/^CSS\.highlights: /));
      const styled = findings.filter((finding) => /^style of ::highlight\(/.test(finding));
      // Every registered name is styled, on <html> (Chromium's :root rules) or on the text.
      expect(styled.length).toBeGreaterThanOrEqual(TERMS.length);
      const card = built().rules.find((rule) => rule.selector === '.fl-card');
      expect(card, 'the card rule in the package').toBeDefined();
      await page.addStyleTag('.fl-card { color: rgb(1, 2, 3); }');
      expect(await page.evaluate(probePage, probeInput())).toContainEqual(
        expect.stringMatching(/^rule \.fl-card applies/),
      );
    } finally {
      await page.close();
    }
  });

  it('draws every category in both styles, on light and dark pages, distinguishable and readable', async () => {
    const { page } = await openWatched();
    try {
      const shoot = async (): Promise<Shots> => {
        const shots: Shots = new Map();
        for (const background of BACKGROUNDS) {
          for (const category of TERMS) {
            const id = `${background}-${category}`;
            shots.set(id, decodePng(await page.screenshotElement(`#${id}`)));
          }
        }
        return shots;
      };
      const marked = async (style: Style): Promise<Shots> => {
        await setSettings({ markStyle: style });
        const prefix = style === 'underline' ? 'firewall-lens-' : 'firewall-lens-bg-';
        await waitForEqual(
          async () =>
            (await ourHighlights(page))
              .filter(({ name }) => name.startsWith(prefix) && !name.startsWith(`${prefix}bg-`))
              .reduce((sum, { ranges }) => sum + ranges.length, 0),
          MARKS_PER_PAGE,
          { message: `${MARKS_PER_PAGE} marks in the ${style} style` },
        );
        // Two frames for the styles and ranges to be painted.
        await page.evaluate(
          () =>
            new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        return shoot();
      };
      const underline = await marked('underline');
      const tint = await marked('background');
      await setSettings({ enabled: false });
      await waitForEqual(async () => (await ourHighlights(page)).length, 0, {
        message: 'the marks to go',
      });
      const plain = await shoot();

      const rows: string[] = [];
      const checks: (() => void)[] = [];
      for (const background of BACKGROUNDS) {
        const colours = new Map<Style, Map<CategoryId, number[]>>([
          ['underline', new Map()],
          ['background', new Map()],
        ]);
        for (const category of TERMS) {
          const id = `${background}-${category}`;
          const none = plain.get(id) as Pixels;
          for (const [style, shots] of [
            ['underline', underline],
            ['background', tint],
          ] as const) {
            const shot = shots.get(id) as Pixels;
            const diff = diffPixels(none, shot);
            const contrast = textContrastOnMark(shot, diff);
            rows.push(
              `${id.padEnd(26)} ${style.padEnd(10)} ${String(diff.changed).padStart(5)}/${diff.total} px changed, mark colour ${diff.modeChanged?.map(Math.round).join(',')}, text on it ${contrast.toFixed(1)}`,
            );
            // Visible: a line under most of the term's width (the shot has 10 px padding a side).
            checks.push(() => {
              expect(diff.changed, `${id} ${style}: pixels changed`).toBeGreaterThan(
                (none.width - 20) * 0.8,
              );
              // A line beside the text reads as it did; text on a tint or chip keeps AA contrast.
              if (style === 'background' || !paintsLines) {
                expect(contrast, `${id} ${style}: text contrast`).toBeGreaterThanOrEqual(4.5);
              }
            });
            colours.get(style)?.set(category, diff.modeChanged ?? []);
          }
          const styles = diffPixels(underline.get(id) as Pixels, tint.get(id) as Pixels);
          rows.push(`${id.padEnd(26)} underline vs tint: ${styles.changed} px differ`);
          checks.push(() =>
            expect(styles.changed, `${id}: underline and tint look different`).toBeGreaterThan(
              (none.width * none.height) / 10,
            ),
          );
        }
        let closest = Number.POSITIVE_INFINITY;
        for (const [style, byCategory] of colours) {
          for (const a of TERMS) {
            for (const b of TERMS) {
              if (a >= b) continue;
              const apart = deltaE(byCategory.get(a) ?? [], byCategory.get(b) ?? []);
              closest = Math.min(closest, apart);
              checks.push(() =>
                expect(apart, `${background} ${style}: ${a} and ${b} apart`).toBeGreaterThan(10),
              );
            }
          }
        }
        rows.push(
          `${background}: closest two categories' mark colours ΔE ${closest.toFixed(1)} apart`,
        );
      }
      console.log(`${env().session.name}: marks against no marks\n${rows.join('\n')}`);
      for (const check of checks) check();
    } finally {
      await page.close();
      await setSettings({});
    }
  });

  return env;
}
