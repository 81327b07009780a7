/**
 * The toolbar badge's count for a tab is the sum over its frames (docs/detection.md, Frames):
 * each frame's content script reports its own total, and this keeps the last one per frame. Pure;
 * frame-mentions-store.ts keeps it in `storage.session`, so a sleeping worker loses nothing.
 *
 * Every entry carries the page token of the document that reported it (its highlight token, drawn
 * per page load): a frame navigated to a new document reports under a new token, and the old
 * document's lifeline closing later must not drop the new document's count.
 */

export interface FrameCount {
  page: string;
  total: number;
}

/** Tab id → frame id → the frame's last report. Plain JSON, for `storage.session`. */
export type FrameMentions = Record<string, Record<string, FrameCount>>;

/** The state with `frameId`'s report replacing what that frame reported before. */
export function withReport(
  state: FrameMentions,
  tabId: number,
  frameId: number,
  report: FrameCount,
): FrameMentions {
  const frames = { ...state[tabId], [frameId]: report };
  return { ...state, [tabId]: frames };
}

/**
 * The state without the frame's count, when its document went away (removed, navigated, closed).
 * `page` names that document; another document's report in the same frame stays.
 */
export function withoutDocument(
  state: FrameMentions,
  tabId: number,
  frameId: number,
  page: string,
): FrameMentions {
  const frames = state[tabId];
  if (frames?.[frameId]?.page !== page) return state;
  const { [frameId]: _gone, ...rest } = frames;
  if (Object.keys(rest).length === 0) return withoutTab(state, tabId);
  return { ...state, [tabId]: rest };
}

export function withoutTab(state: FrameMentions, tabId: number): FrameMentions {
  if (!(tabId in state)) return state;
  const { [tabId]: _gone, ...rest } = state;
  return rest;
}

/** The tab's mentions, all frames together. */
export function tabTotal(state: FrameMentions, tabId: number): number {
  let sum = 0;
  for (const frame of Object.values(state[tabId] ?? {})) sum += frame.total;
  return sum;
}

/** Frames of the tab with at least one mention: the top (0) first, then in the order they came. */
export function framesWithMentions(state: FrameMentions, tabId: number): number[] {
  return Object.entries(state[tabId] ?? {})
    .filter(([, frame]) => frame.total > 0)
    .map(([frameId]) => Number(frameId))
    .sort((a, b) => a - b);
}
