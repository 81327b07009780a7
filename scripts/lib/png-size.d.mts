// Types for the unit tests that check the store images' sizes.
export function pngSize(bytes: Uint8Array): { width: number; height: number };
