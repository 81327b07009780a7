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

/**
 * Requests that read, or set a state rather than add to one: sending one twice does no harm.
 * Writes of the reader's terms, `reseed` and `open-reader` (a second tab) are not among them.
 */
const RESENDABLE: ReadonlySet<BackgroundRequest['type']> = new Set<BackgroundRequest['type']>([
  'ping',
  'matcher-data',
  'card',
  'cards',
  'search',
  'source',
  'page-mentions',
  'top-url',
  'tab-frames',
  // The full script claims its frame once (entrypoints/content/single-copy.ts): a second run quits.
  'frame-script',
  'data-status',
  'user-terms',
  'mark-styles',
]);

/** The extension itself is gone (disabled, removed, updated): no new worker will answer. */
function isInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated/i.test(error.message);
}

export async function askBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundReplies[R['type']]> {
  const send = async () =>
    parseReply<BackgroundReplies[R['type']]>(await browser.runtime.sendMessage(request));
  let reply: Awaited<ReturnType<typeof send>>;
  try {
    reply = await send();
  } catch (error) {
    // An MV3 worker stopped while it answered ("the message port closed before a response was
    // received"). The next message starts a new worker, so one more try gets the answer.
    if (!RESENDABLE.has(request.type) || isInvalidated(error)) throw error;
    reply = await send();
  }
  if (!reply.ok) throw new MessageError(`${request.type}: ${reply.error}`);
  return reply.value;
}

/**
 * Asks the content script of one frame of the tab: the top one unless `frameId` says otherwise.
 * Without a frame id the browser asks every frame and takes the first answer, which may be an
 * iframe's (its host is not the page's).
 */
export async function askTab<R extends TabRequest>(
  tabId: number,
  request: R,
  frameId = 0,
): Promise<TabReplies[R['type']]> {
  const reply = parseReply<TabReplies[R['type']]>(
    await browser.tabs.sendMessage(tabId, request, { frameId }),
  );
  if (!reply.ok) throw new MessageError(`${request.type}: ${reply.error}`);
  return reply.value;
}
