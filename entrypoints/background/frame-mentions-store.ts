/**
 * Keeps the per-frame counts (frame-mentions.ts) in `storage.session`: the MV3 worker may sleep
 * between a frame's report and the next, and the session storage is never written to disk. Only
 * numbers and random page tokens are kept, never a page's address. Changes are applied one after
 * another, so two frames reporting at once cannot overwrite each other's count.
 */
import { browser } from 'wxt/browser';
import { BADGE_BACKGROUND, badgeText } from './badge';
import {
  type FrameCount,
  type FrameMentions,
  framesWithMentions,
  tabTotal,
  withoutDocument,
  withoutTab,
  withReport,
} from './frame-mentions';

const KEY = 'frameMentions';

let queue: Promise<unknown> = Promise.resolve();

async function read(): Promise<FrameMentions> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null ? (stored as FrameMentions) : {};
}

/** Applies `change`, saves, and shows the tab's new total on its badge. */
function change(
  tabId: number,
  next: (state: FrameMentions) => FrameMentions,
  showBadge: boolean,
): Promise<void> {
  const run = queue.then(async () => {
    const before = await read();
    const after = next(before);
    if (after !== before) await browser.storage.session.set({ [KEY]: after });
    if (!showBadge) return;
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badgeText(tabTotal(after, tabId)) }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND }),
    ]);
  });
  queue = run.catch(() => undefined);
  return run;
}

export function reportFrame(tabId: number, frameId: number, report: FrameCount): Promise<void> {
  return change(tabId, (state) => withReport(state, tabId, frameId, report), true);
}

/** A frame's document went away: its count leaves the badge. */
export function forgetDocument(tabId: number, frameId: number, page: string): Promise<void> {
  return change(tabId, (state) => withoutDocument(state, tabId, frameId, page), true);
}

/** The tab closed: no badge to set. */
export function forgetTab(tabId: number): Promise<void> {
  return change(tabId, (state) => withoutTab(state, tabId), false);
}

export async function tabFrames(tabId: number): Promise<number[]> {
  await queue;
  return framesWithMentions(await read(), tabId);
}
