// Types for the unit tests, which check the split the quality run relies on.
export const HALVES: readonly ['tuning', 'measuring'];
export function corpusHalf(file: string): 'tuning' | 'measuring';
