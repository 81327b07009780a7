/** What a sub-frame knows about itself, for `judgeFrame` (common/frame-rules.ts). */
import { type FrameFacts, MIN_FRAME_HEIGHT_PX, MIN_FRAME_WIDTH_PX } from '../../common/frame-rules';

/**
 * Whether the top page shares this frame's origin. A frame whose parent is of another origin sees
 * no `frameElement` (null, no exception): an ad frame is answered without the cross-origin read
 * of `top.location`, whose exception and console message cost milliseconds in Chromium.
 */
export function sameOriginAsTop(win: Window): boolean {
  if (win.frameElement === null) return false;
  try {
    return typeof win.top?.location.href === 'string';
  } catch {
    return false;
  }
}

/**
 * A frame hidden with `display: none` has a 0 x 0 viewport; one hidden otherwise (visibility,
 * opacity, off-screen) across origins cannot be told from inside, and the story test decides.
 *
 * Each fact is read only when it can still change the verdict, the document's text last: in a
 * fresh sandboxed 300x250 frame in Chromium, the first read of `document.body` cost about 1.5 ms
 * where `frameElement` and `innerWidth` cost nothing measurable (0.1 ms timer steps). A 728x90
 * banner is answered from the window alone.
 */
export function readFrameFacts(win: Window, doc: Document): FrameFacts {
  const sameOrigin = sameOriginAsTop(win);
  const width = win.innerWidth;
  const height = win.innerHeight;
  const drawnBigEnough = width >= MIN_FRAME_WIDTH_PX && height >= MIN_FRAME_HEIGHT_PX;
  const textMatters = !sameOrigin && drawnBigEnough;
  return {
    sameOriginAsTop: sameOrigin,
    width,
    height,
    textChars: textMatters ? (doc.body?.textContent?.length ?? 0) : 0,
  };
}
