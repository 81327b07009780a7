/** Typed senders over `common/protocol.ts`; the only place that calls sendMessage. */
import { browser } from 'wxt/browser';
import {
  type BackgroundReplies,
  type BackgroundRequest,
  parseReply,
  type TabReplies,
  type TabRequest,
} from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function askBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundReplies[R['type']]> {
  const reply = parseReply<BackgroundReplies[R['type']]>(
    await browser.runtime.sendMessage(request),
  );
  if (!reply.ok) throw new MessageError(`${request.type}: ${reply.error}`);
  return reply.value;
}

export async function askTab<R extends TabRequest>(
  tabId: number,
  request: R,
): Promise<TabReplies[R['type']]> {
  const reply = parseReply<TabReplies[R['type']]>(await browser.tabs.sendMessage(tabId, request));
  if (!reply.ok) throw new MessageError(`${request.type}: ${reply.error}`);
  return reply.value;
}
