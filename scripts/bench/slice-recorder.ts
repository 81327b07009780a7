/**
 * Measures our scan's main-thread slices from outside the shipped code: the scanner yields with
 * `scheduler.yield()` (Chromium has it; the MessageChannel fallback is not timed), so the time between a
 * resumption and the next yield, or the end, is one slice of our work. The wrapper is installed
 * before the scanner module is evaluated (this file is imported first by the page entry) so the
 * scanner's calls go through it however it reaches the function.
 */

interface SchedulerWithYield {
  yield(): Promise<void>;
}

export interface SliceStats {
  slices: number;
  busyMs: number;
  longestMs: number;
}

let recording = false;
let sliceStart = 0;
let slices: number[] = [];

function endSlice(): void {
  if (!recording) return;
  slices.push(performance.now() - sliceStart);
}

function startSlice(): void {
  if (recording) sliceStart = performance.now();
}

const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
if (scheduler && typeof scheduler.yield === 'function') {
  const original = scheduler.yield.bind(scheduler);
  scheduler.yield = () => {
    endSlice();
    return original().then(startSlice);
  };
}

export function startRecording(): void {
  slices = [];
  recording = true;
  sliceStart = performance.now();
}

/** Ends the current slice (call it when the scan reports completion) and summarises. */
export function stopRecording(): SliceStats {
  endSlice();
  recording = false;
  let busyMs = 0;
  let longestMs = 0;
  for (const ms of slices) {
    busyMs += ms;
    if (ms > longestMs) longestMs = ms;
  }
  return { slices: slices.length, busyMs, longestMs };
}
