import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../../common/protocol';
import { mergeFrameMentions } from '../../../entrypoints/popup/merge-mentions';

describe('"On this page" over a page and its frames', () => {
  it("adds a term's counts from every frame into one row, reached in the first frame that has it", () => {
    const merged = mergeFrameMentions([
      {
        frameId: 0,
        mentions: [
          {
            id: 'great-firewall',
            label: 'great-firewall',
            category: 'censorship-system',
            count: 1,
          },
        ],
      },
      {
        frameId: 12,
        mentions: [
          {
            id: 'great-firewall',
            label: 'great-firewall',
            category: 'censorship-system',
            count: 1,
          },
          { id: 'vpn', label: 'vpn', category: 'circumvention', count: 1 },
        ],
      },
    ]);
    expect(merged).toEqual([
      {
        id: 'great-firewall',
        label: 'great-firewall',
        category: 'censorship-system',
        count: 2,
        frameId: 0,
      },
      { id: 'vpn', label: 'vpn', category: 'circumvention', count: 1, frameId: 12 },
    ]);
  });

  it("does not change the frames' own lists", () => {
    const vpn: PageMention = { id: 'vpn', label: 'vpn', category: 'circumvention', count: 1 };
    mergeFrameMentions([
      { frameId: 0, mentions: [vpn] },
      { frameId: 3, mentions: [{ ...vpn, count: 4 }] },
    ]);
    expect(vpn.count).toBe(1);
  });

  it('is empty for a page and frames without mentions', () => {
    expect(mergeFrameMentions([{ frameId: 0, mentions: [] }])).toEqual([]);
  });
});
