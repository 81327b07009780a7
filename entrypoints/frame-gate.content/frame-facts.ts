/** What a sub-frame knows about itself, for `judgeFrame` (common/frame-rules.ts). */
import type { FrameFacts } from '../../common/frame-rules';

/** Whether the top page shares this frame's origin: reading its address throws if not. */
export function sameOriginAsTop(win: Window): boolean {
  try {
    return typeof win.top?.location.href === 'string';
  } catch {
    return false;
  }
}

/**
 * A frame hidden with `display: none` has a 0 x 0 viewport; one hidden otherwise (visibility,
 * opacity, off-screen) across origins cannot be told from inside, and the story test decides.
 */
export function readFrameFacts(win: Window, doc: Document): FrameFacts {
  return {
    sameOriginAsTop: sameOriginAsTop(win),
    width: win.innerWidth,
    height: win.innerHeight,
    // textContent does no layout; an ad's few words cost nothing to count.
    textChars: doc.body?.textContent?.length ?? 0,
  };
}
