/**
 * Which sub-frames of a page get the content script (docs/detection.md, Frames). Pure: the frame
 * gate (entrypoints/frame-gate/) and the content script read the facts, this decides.
 *
 * A same-origin frame is part of the page the reader sees (an explainer, a reader app's story
 * pane), so it is always marked as the top page is. Any other frame is marked only when it could
 * hold a story: big enough to read in, drawn, and with enough text for one. Ads are small or
 * short, so they fail here, before the full script (about 250 kB to parse) is loaded into them.
 */

/** Smaller frames are ads, widgets and trackers: no one reads a story in them. */
export const MIN_FRAME_WIDTH_PX = 200;
export const MIN_FRAME_HEIGHT_PX = 100;

/**
 * Fewer characters of text than this and no story can be found (the story detector wants at least
 * MIN_STORY_CHARS of prose, 400; tests/unit/common/frame-rules.test.ts keeps this below it). Counted
 * from `textContent`, which includes scripts and styles, so it can only overcount: the detector
 * has the last word.
 */
export const MIN_FRAME_TEXT_CHARS = 400;

export interface FrameFacts {
  /** The frame's document has the top page's origin (its `top.location` can be read). */
  sameOriginAsTop: boolean;
  /** The frame's viewport in CSS px (`innerWidth`, `innerHeight`): 0 when it is not drawn. */
  width: number;
  height: number;
  /** Characters of text in the frame's body. */
  textChars: number;
}

export type FrameVerdict =
  /** Marked as the top page is. */
  | 'same-origin'
  /** Gets the script, which marks it only if the story detector finds a story there. */
  | 'maybe-story'
  | 'skip';

export function judgeFrame(facts: FrameFacts): FrameVerdict {
  if (facts.sameOriginAsTop) return 'same-origin';
  const drawn = facts.width >= MIN_FRAME_WIDTH_PX && facts.height >= MIN_FRAME_HEIGHT_PX;
  if (!drawn) return 'skip';
  return facts.textChars >= MIN_FRAME_TEXT_CHARS ? 'maybe-story' : 'skip';
}
