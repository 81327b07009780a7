/**
 * The corpus in two fixed halves, so that tuning the detector cannot quietly fit the pages it is
 * judged on: rules are tuned on the `tuning` half and the gate holds on the `measuring` half (and
 * on the total). A page's half is a pure function of its file name (FNV-1a, 32 bits, even:
 * tuning), so a page never changes half and a new page lands in one without anyone choosing.
 */

export const HALVES = /** @type {const} */ (['tuning', 'measuring']);

/** @param {string} file @returns {'tuning' | 'measuring'} */
export function corpusHalf(file) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(file)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'tuning' : 'measuring';
}
