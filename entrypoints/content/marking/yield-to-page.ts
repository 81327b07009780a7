/**
 * Gives the page's input and rendering a turn between scan slices. `scheduler.yield()` resumes
 * ahead of other queued tasks (Chromium 129+, Firefox 142+); Firefox ESR 140 lacks it, so a
 * MessageChannel message stands in: unlike a nested setTimeout(0) it is not clamped to 4 ms.
 */

interface SchedulerWithYield {
  yield(): Promise<void>;
}

export interface PageYielder {
  yield(): Promise<void>;
  close(): void;
}

export function createPageYielder(): PageYielder {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') {
    const native = scheduler as SchedulerWithYield;
    return { yield: () => native.yield(), close() {} };
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    yield: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
    close() {
      channel.port1.close();
      channel.port2.close();
      // Whoever still waits is a cancelled scan: let it run to its cancellation check.
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

/**
 * Scan work per slice, before the marks found in it are painted. Measured on a 1.9M-character page
 * in Chromium: 8 ms slices with a yield between them cost 56 ms in all against 47 ms unsliced.
 * Ours is 5 ms because painting the slice's marks follows it (see MAX_MARKS_PER_SLICE), the story
 * detector's choice cannot stop halfway, and a garbage collection can fall into any slice: on the
 * 4M-character long-story page 6 ms slices reached 10-14 ms; with 5 ms ones each run's longest
 * measured 6.9-9.3 ms (medians over the bench's runs), a garbage collection still able to go over.
 */
export const SLICE_MS = 5;

/**
 * A slice also ends once it found this many marks: registering a range costs ~3 µs in Chromium,
 * so a page dense with mentions would otherwise pay several ms of painting on top of the slice.
 */
export const MAX_MARKS_PER_SLICE = 500;
