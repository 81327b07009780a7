/**
 * Answers the popup's questions about this tab (`TabRequest` in common/protocol.ts). The listener
 * stays registered while Firewall Lens is off on the page, since the popup asks where it is
 * (`page-info`) to offer switching it on. Labels are not known here (the matcher data carries ids
 * only): the popup maps ids to labels with `cards`, and `label` is the id meanwhile.
 */
import type { PageMention, Reply, TabReplies } from '../../common/protocol';
import { parseTabRequest } from '../../common/protocol';
import type { MentionStore } from './marking/mention-store';

export type RevealMention = (id: string | undefined, direction: 'next' | 'previous') => boolean;

/** What the page is doing now; `marking` is null while Firewall Lens is off here. */
export interface TabState {
  hostname: string;
  marking: { store: MentionStore; reveal: RevealMention; togglePin(): boolean } | null;
}

/** The terms on the page, in the order they first appear, with their number of mentions. */
export function listPageMentions(store: MentionStore): PageMention[] {
  const byId = new Map<string, PageMention>();
  for (const mention of store.all()) {
    const entry = byId.get(mention.id);
    if (entry) entry.count++;
    else {
      byId.set(mention.id, {
        id: mention.id,
        label: mention.id,
        category: mention.category,
        count: 1,
      });
    }
  }
  return [...byId.values()];
}

export function answerTabRequest(
  message: unknown,
  state: TabState,
): Reply<TabReplies[keyof TabReplies]> {
  const parsed = parseTabRequest(message);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const request = parsed.value;
  const { marking } = state;
  switch (request.type) {
    case 'page-info':
      return { ok: true, value: { hostname: state.hostname } };
    case 'page-mentions-list':
      return { ok: true, value: marking ? listPageMentions(marking.store) : [] };
    case 'reveal-mention':
      return {
        ok: true,
        value: { revealed: marking?.reveal(request.id, request.direction) ?? false },
      };
    case 'pin-card':
      return { ok: true, value: { toggled: marking?.togglePin() ?? false } };
    default:
      return { ok: false, error: 'unknown request' };
  }
}
