/**
 * "Ours" in the bench: `createPageMarker` from entrypoints/content/marking/page-marker.ts, the same marking
 * core the content script's MarkingSession runs (scanner, mention store, highlight painter, page
 * yielder, mutation batcher), with every category's aliases, all marks, underline style. No card
 * UI or badge: those need the extension's runtime. Nothing here wires the modules itself.
 */

import type { MatcherData } from '../../common/glossary-types';
import { compileMatcher } from '../../entrypoints/content/marking/matcher';
import { createPageMarker, type PageMarker } from '../../entrypoints/content/marking/page-marker';
import { startRecording, stopRecording } from './slice-recorder';

export interface OursResult {
  /**
   * From creating the page marker (the content script makes one per page: store, painter, the
   * mutation observer) until every mark of the first scan is registered, yields included.
   */
  ms: number;
  /** The part of `ms` spent creating the marker, before the scan starts. */
  setupMs: number;
  /** Our own main-thread time: the sum of the slices. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  /** Longest 'longtask' entry (over 50 ms) while we ran, rendering included; 0 when none. */
  longestTaskMs: number;
  /** Every long task: start relative to the scan's start, and duration (ms). */
  longTasks: { start: number; duration: number }[];
  marks: number;
  /** Characters and text nodes of the body, counted after the timing. */
  chars: number;
  textNodes: number;
}

export interface AppendResult {
  /** Our mutation batch: from the observer's callback until its marks are registered. */
  ms: number;
  marksAdded: number;
}

let marker: PageMarker | null = null;

/** Set while an append is timed: the marker's mutation batch, when it arrives. */
let onBatch: ((receivedAt: number, handled: Promise<void>) => void) | null = null;

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function countText(): { chars: number; textNodes: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    textNodes++;
  }
  return { chars, textNodes };
}

export async function runOurs(data: MatcherData): Promise<OursResult> {
  // Not in the clock: the content script compiles the matcher once and caches it.
  const matcher = compileMatcher(data);

  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    longTasks.push(...list.getEntries());
  });
  observer.observe({ type: 'longtask' });

  startRecording();
  // The marker is made inside the clock: the content script makes one on every page it marks.
  const start = performance.now();
  const current = createPageMarker({
    document,
    matcher,
    // The content script draws a random token per page; any fixed one costs the same.
    highlightToken: 'firewall-lens',
    markStyle: 'underline',
    markMode: 'all',
    stealth: false,
    onMutationBatch: (receivedAt, handled) => onBatch?.(receivedAt, handled),
  });
  marker = current;
  const setupMs = performance.now() - start;
  await current.scan();
  const ms = performance.now() - start;
  const slices = stopRecording();
  // Two frames: the rendering of the highlights is a long task too, if it is one.
  await nextFrame();
  await nextFrame();
  longTasks.push(...observer.takeRecords());
  observer.disconnect();

  return {
    ms,
    setupMs,
    busyMs: slices.busyMs,
    slices: slices.slices,
    longestSliceMs: slices.longestMs,
    longestTaskMs: Math.max(0, ...longTasks.map((entry) => entry.duration)),
    longTasks: longTasks.map((entry) => ({
      start: Math.round(entry.startTime - start),
      duration: Math.round(entry.duration),
    })),
    marks: current.store.total(),
    ...countText(),
  };
}

/**
 * After `runOurs` (whose marker keeps observing the page, as the content script's does): appends a paragraph with two
 * mentions to the end of the story and times the batch, `count` times, a frame apart (the first is
 * the cold one: the incremental path has not run before in this document).
 */
export async function appendParagraphs(count = 5): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (let i = 0; i < count; i++) {
    await nextFrame();
    results.push(await appendParagraph());
  }
  return results;
}

function appendParagraph(): Promise<AppendResult> {
  const current = marker;
  if (current === null) return Promise.reject(new Error('run ours first'));
  const before = current.store.total();
  return new Promise((resolve, reject) => {
    // The marker's own batcher hands the records on from a task of ours; the time counted is that
    // task's, from the batch to its marks being registered.
    onBatch = (receivedAt, handled) => {
      onBatch = null;
      handled
        .then(() =>
          resolve({
            ms: performance.now() - receivedAt,
            marksAdded: current.store.total() - before,
          }),
        )
        .catch(reject);
    };
    const stories = document.querySelectorAll('article, main');
    const parent = stories[stories.length - 1] ?? document.body;
    const paragraph = document.createElement('p');
    paragraph.textContent =
      'Officials said VPN use kept growing as the Great Firewall tightened its grip this year.';
    parent.append(paragraph);
  });
}
