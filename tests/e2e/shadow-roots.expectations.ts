/**
 * A story a web component renders in an open shadow root (issue #24), checked the same way in
 * every browser on one page load: every mention marked (one of them added 1.5 s after load, one
 * in a nested component), drawn on screen (pixels, with marks on against off), a card opened by
 * resting the pointer on one; a closed root and an unshown light child stay unmarked.
 */
import { expect, it } from 'vitest';
import { defaultSettings } from '../../common/settings';
import { readCard } from './cards.expectations';
import { type BrowserSession, browserForSuite, type PageOf } from './harness/browser-session';
import { decodePng, diffPixels, type Pixels } from './harness/png';
import { poll, waitForEqual } from './harness/poll';
import { ourHighlights, resetSettings } from './harness/settings-steps';

/** What the reader sees marked: the story's four mentions, none from the closed root or the
 * loading note no slot shows. */
const MARKED = ['Telegram', 'Twitter', 'VPN', 'Weibo'];

interface WordBox {
  x: number;
  y: number;
  /** Relative to the story host's box, as its screenshot shows it. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Runs in the page: where `text` first occurs inside the story's shadow trees. */
function wordInShadow(text: string): WordBox | null {
  const roots: ShadowRoot[] = [];
  const story = document.querySelector('news-story')?.shadowRoot;
  if (story) roots.push(story);
  for (const nested of story?.querySelectorAll('story-paragraph') ?? []) {
    if (nested.shadowRoot) roots.push(nested.shadowRoot);
  }
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getBoundingClientRect();
      const host = (document.querySelector('news-story') as Element).getBoundingClientRect();
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        left: Math.floor(rect.left - host.left),
        top: Math.floor(rect.top - host.top),
        width: Math.ceil(rect.width),
        // An underline is drawn just below the text's box.
        height: Math.ceil(rect.height) + 4,
      };
    }
  }
  return null;
}

/** The part of a screenshot inside `box`. */
function crop(pixels: Pixels, box: WordBox): Pixels {
  const width = Math.min(box.width, pixels.width - box.left);
  const height = Math.min(box.height, pixels.height - box.top);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((box.top + y) * pixels.width + box.left) * 4;
    data.set(pixels.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** Runs in the page: errors the page saw (a closed root must not make the scan throw). */
function watchErrors(): void {
  const errors: string[] = [];
  (window as unknown as { shadowErrors: string[] }).shadowErrors = errors;
  window.addEventListener('error', (event) => errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
}

export interface ShadowRootTestOptions {
  /**
   * The browser applies the document's injected `::highlight()` rules inside shadow trees:
   * Chromium does; Firefox 140 and 153 draw nothing there (docs/detection.md, "Shadow roots"),
   * so there the pixels are only reported.
   */
  drawsInShadowRoots: boolean;
}

export function shadowRootTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { drawsInShadowRoots }: ShadowRootTestOptions,
) {
  const env = browserForSuite(launch);

  it('marks, draws and opens cards from a story in open shadow roots, but not a closed root', async () => {
    const { session, origin } = env();
    const popup = await session.openExtensionPage('popup.html');
    const page = (await session.openPage(`${origin}/shadow-story.html`)) as PageOf<S>;
    try {
      await page.evaluate(watchErrors);
      await resetSettings(popup, defaultSettings());
      const marked = async () =>
        (await ourHighlights(page)).flatMap(({ ranges }) => ranges.map(({ text }) => text)).sort();
      await waitForEqual(marked, MARKED, { timeout: 8_000, message: 'the four story mentions' });

      // Drawn: each word's pixels with marks against the same word with marks off. The story
      // fits the viewport, so nothing scrolls between the shots.
      const shoot = async () => decodePng(await page.screenshotElement('news-story'));
      const boxes = new Map<string, WordBox>();
      for (const word of MARKED) {
        const box = await page.evaluate(wordInShadow, word);
        expect(box, `${word} on screen`).not.toBeNull();
        boxes.set(word, box as WordBox);
      }
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const withMarks = await shoot();

      // A card opens from a mark inside the nested component's shadow root.
      await page.mouseMove(2, 2);
      const point = boxes.get('Weibo') as WordBox;
      await page.mouseMove(point.x, point.y);
      const card = await poll(() => page.evaluate(readCard), {
        timeout: 5_000,
        message: 'a card for the mark in the shadow root',
      });
      expect(card.label).toMatch(/Weibo/i);
      await page.mouseMove(2, 2);

      await resetSettings(popup, { ...defaultSettings(), enabled: false });
      await waitForEqual(async () => (await ourHighlights(page)).length, 0, {
        message: 'the marks to go',
      });
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const plain = await shoot();
      const drawn = MARKED.map((word) => {
        const box = boxes.get(word) as WordBox;
        return { word, box, diff: diffPixels(crop(plain, box), crop(withMarks, box)) };
      });
      console.log(
        `${session.name}: shadow-root marks, pixels changed by each: ${drawn
          .map(({ word, diff }) => `${word} ${diff.changed}/${diff.total}`)
          .join(', ')}`,
      );
      for (const { word, box, diff } of drawsInShadowRoots ? drawn : []) {
        // A line under most of the word, or a tint over it: at least its width in pixels.
        expect(diff.changed, `${word} drawn`).toBeGreaterThan(box.width * 0.8);
      }
      expect(
        await page.evaluate(() => (window as unknown as { shadowErrors: string[] }).shadowErrors),
      ).toEqual([]);
    } finally {
      await page.close();
      await resetSettings(popup, defaultSettings());
      await popup.close();
    }
  });

  return env;
}
