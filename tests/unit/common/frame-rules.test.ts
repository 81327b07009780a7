import { describe, expect, it } from 'vitest';
import {
  type FrameFacts,
  judgeFrame,
  MIN_FRAME_HEIGHT_PX,
  MIN_FRAME_TEXT_CHARS,
  MIN_FRAME_WIDTH_PX,
} from '../../../common/frame-rules';
import { MIN_STORY_CHARS } from '../../../entrypoints/content/marking/story-detector';

const story: FrameFacts = { sameOriginAsTop: false, width: 600, height: 400, textChars: 3_000 };

describe('which sub-frames get the content script', () => {
  it('marks a same-origin frame whatever its size or text (it is part of the page)', () => {
    expect(judgeFrame({ sameOriginAsTop: true, width: 0, height: 0, textChars: 0 })).toBe(
      'same-origin',
    );
    expect(judgeFrame({ ...story, sameOriginAsTop: true })).toBe('same-origin');
  });

  it("lets a big cross-origin frame with a story's worth of text be tested for a story", () => {
    expect(judgeFrame(story)).toBe('maybe-story');
    expect(
      judgeFrame({
        ...story,
        width: MIN_FRAME_WIDTH_PX,
        height: MIN_FRAME_HEIGHT_PX,
        textChars: MIN_FRAME_TEXT_CHARS,
      }),
    ).toBe('maybe-story');
  });

  it("skips the usual ad sizes with an ad's few words (300x250, 728x90)", () => {
    expect(judgeFrame({ ...story, width: 300, height: 250, textChars: 90 })).toBe('skip');
    expect(judgeFrame({ ...story, width: 728, height: 90, textChars: 3_000 })).toBe('skip');
  });

  it('skips frames too narrow, too low or not drawn (display: none gives a 0 x 0 viewport)', () => {
    expect(judgeFrame({ ...story, width: MIN_FRAME_WIDTH_PX - 1 })).toBe('skip');
    expect(judgeFrame({ ...story, height: MIN_FRAME_HEIGHT_PX - 1 })).toBe('skip');
    expect(judgeFrame({ ...story, width: 0, height: 0 })).toBe('skip');
  });

  it('skips a big cross-origin frame with too little text for a story', () => {
    expect(judgeFrame({ ...story, textChars: MIN_FRAME_TEXT_CHARS - 1 })).toBe('skip');
  });

  it('never asks for more text than the story detector needs, so no story frame is skipped', () => {
    expect(MIN_FRAME_TEXT_CHARS).toBeLessThanOrEqual(MIN_STORY_CHARS);
  });
});
