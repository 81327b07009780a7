/** The tab's mentions from the top page and every frame the background knows holds some. */
import { askBackground, askTab } from '../../common/messaging';
import { mergeFrameMentions, type TabMention } from './merge-mentions';

export async function tabMentions(tabId: number): Promise<TabMention[]> {
  // The top frame is always asked: it answers for the page even before its first count.
  const frames = await askBackground({ type: 'tab-frames', tabId }).catch(() => []);
  const frameIds = [0, ...frames.filter((id) => id !== 0)];
  const lists = await Promise.all(
    frameIds.map(async (frameId) => ({
      frameId,
      // A frame removed meanwhile has no script to answer: its mentions are gone with it. The top
      // frame's failure is the page's ("not running here"), so it is not swallowed.
      mentions:
        frameId === 0
          ? await askTab(tabId, { type: 'page-mentions-list' }, 0)
          : await askTab(tabId, { type: 'page-mentions-list' }, frameId).catch(() => []),
    })),
  );
  return mergeFrameMentions(lists);
}
