/**
 * "Ours" in the bench: the shipped scanner, mention store, highlight painter, page yielder and
 * mutation batcher, wired as entrypoints/content/marking-session.ts wires them (marks in every
 * category, underline style, no card UI or badge: those need the extension's runtime). Only the
 * wiring is here; every module doing the work is imported from entrypoints/content and utils.
 */
import {
  browserPainterEnvironment,
  HighlightPainter,
} from '../../entrypoints/content/highlight-painter';
import { MentionStore } from '../../entrypoints/content/mention-store';
import { MutationBatcher } from '../../entrypoints/content/mutation-batcher';
import { Scanner } from '../../entrypoints/content/scanner';
import { createPageYielder } from '../../entrypoints/content/yield-to-page';
import type { MatcherData } from '../../utils/glossary-types';
import { compileMatcher } from '../../utils/matcher';
import { startRecording, stopRecording } from './slice-recorder';

export interface OursResult {
  /** From the start of the scan until every mark is registered, yields included. */
  ms: number;
  /** Our own main-thread time: the sum of the slices. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  /** Longest 'longtask' entry (over 50 ms) while we ran, rendering included; 0 when none. */
  longestTaskMs: number;
  /** Every long task: start relative to the scan's start, and duration (ms). */
  longTasks: { start: number; duration: number }[];
  /** Until the frame after the scan was rendered (style and paint of the highlights). */
  paintedMs: number;
  /** Not in `ms`: compiling the matcher, before the scan (the content script caches it). */
  compileMs: number;
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

interface Session {
  scanner: Scanner;
  store: MentionStore;
}

let session: Session | null = null;

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
  const compileStart = performance.now();
  const matcher = compileMatcher(data);
  const compileMs = performance.now() - compileStart;

  const store = new MentionStore();
  const painter = new HighlightPainter(browserPainterEnvironment());
  // MarkingSession.repaint with the defaults (all marks, underline, no stealth), minus the badge.
  store.onChange(() =>
    painter.paintChanges(store.takeChanges(), () => store.marked(), 'underline', false),
  );
  const yielder = createPageYielder();
  const scanner = new Scanner(matcher, {
    document,
    store,
    yieldToPage: () => yielder.yield(),
    viewportAnchor: () => null,
  });
  session = { scanner, store };

  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    longTasks.push(...list.getEntries());
  });
  observer.observe({ type: 'longtask' });

  startRecording();
  const start = performance.now();
  await scanner.fullScan();
  const ms = performance.now() - start;
  const slices = stopRecording();
  await nextFrame();
  const paintedMs = performance.now() - start;
  await nextFrame();
  longTasks.push(...observer.takeRecords());
  observer.disconnect();

  return {
    ms,
    busyMs: slices.busyMs,
    slices: slices.slices,
    longestSliceMs: slices.longestMs,
    longestTaskMs: Math.max(0, ...longTasks.map((entry) => entry.duration)),
    longTasks: longTasks.map((entry) => ({
      start: Math.round(entry.startTime - start),
      duration: Math.round(entry.duration),
    })),
    paintedMs,
    compileMs,
    marks: store.total(),
    ...countText(),
  };
}

/**
 * After `runOurs`: observes the body as the content script does, appends a paragraph with two
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
  const current = session;
  if (current === null) return Promise.reject(new Error('run ours first'));
  const { scanner, store } = current;
  const before = store.total();
  return new Promise((resolve, reject) => {
    // The content script's own batcher: records are handed on from a task of ours; the time
    // counted is that task's, from the batch to its marks being registered.
    const batcher = new MutationBatcher(document, (records) => {
      batcher.disconnect();
      const start = performance.now();
      scanner
        .handleMutations(records)
        .then(() => resolve({ ms: performance.now() - start, marksAdded: store.total() - before }))
        .catch(reject);
    });
    const stories = document.querySelectorAll('article, main');
    const parent = stories[stories.length - 1] ?? document.body;
    const paragraph = document.createElement('p');
    paragraph.textContent =
      'Officials said VPN use kept growing as the Great Firewall tightened its grip this year.';
    parent.append(paragraph);
  });
}
