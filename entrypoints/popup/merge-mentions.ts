/**
 * "On this page" lists the mentions of every frame of the tab as one list (docs/detection.md,
 * Frames): a term counted in the top page and in an embedded explainer is one row with both
 * counts added, and its jump goes to the first frame that has it (the top page first).
 */
import type { PageMention } from '../../common/protocol';

export interface FrameMentionList {
  frameId: number;
  mentions: readonly PageMention[];
}

export interface TabMention extends PageMention {
  /** The frame whose content script the jump asks. */
  frameId: number;
}

/** `lists` in the order the frames should be reached: the top frame first. */
export function mergeFrameMentions(lists: readonly FrameMentionList[]): TabMention[] {
  const byId = new Map<string, TabMention>();
  for (const { frameId, mentions } of lists) {
    for (const mention of mentions) {
      const seen = byId.get(mention.id);
      if (seen) seen.count += mention.count;
      else byId.set(mention.id, { ...mention, frameId });
    }
  }
  return [...byId.values()];
}
