/**
 * Every message Firewall Lens sends between its parts, in one place.
 *
 * - `BackgroundRequest`: content script, popup and options → background (runtime.sendMessage).
 * - `TabRequest`: popup / background → the content script of one tab (tabs.sendMessage).
 * - `LIFELINE_PORT`: a port each marked page holds open to the background, carrying no messages
 *   (entrypoints/content/lifeline.ts): its closing tells the page the extension went away.
 *
 * Messages cross a trust boundary (any extension page or content script may send anything, and an
 * old content script may outlive an update), so both sides check them at runtime with the parsers
 * below; a malformed or unknown message gets an error reply, never an exception.
 */
import {
  CATEGORIES,
  type CategoryId,
  type GlossaryEntry,
  type MatcherData,
} from './glossary-types';
import { isHighlightToken } from './highlight-names';
import { isRecord } from './is-record';
import {
  checkTermsFile,
  checkUserTerm,
  describeProblem,
  TERMS_FORMAT,
  TERMS_FORMAT_VERSION,
  type TermProblem,
  type UserTerm,
  type UserTermFields,
} from './user-terms';

/** A card as the UI shows it: the entry plus what it needs from its source. */
export interface CardView extends GlossaryEntry {
  /** Present on a reader's own term: it has a note (the summary) and maybe a link, no quote. */
  own?: { link: string | null };
  sourceTitle: string;
  /** Labels of the related entries, in the order of `related`, for links in the card. */
  relatedLabels: { id: string; label: string; labelZh: string }[];
}

export interface SourceView {
  id: string;
  title: string;
  text: string;
}

export interface DataStatus {
  cardCount: number;
  dataVersion: string | null;
  /** Why the IndexedDB cache is out of reach (the cards then come from the bundle), or null. */
  cacheProblem: string | null;
}

/** The name of the content script's lifeline port (`runtime.connect`). */
export const LIFELINE_PORT = 'lifeline';

/**
 * The lifeline's name with the page load's highlight token (`lifeline/TOKEN`): when the port
 * closes, the background drops that document's count and no newer one (frame-mentions.ts).
 */
export function lifelinePortName(page: string): string {
  return `${LIFELINE_PORT}/${page}`;
}

/** The page token of a lifeline port's name; `''` for the plain name; null for any other port. */
export function lifelinePage(name: string): string | null {
  if (name === LIFELINE_PORT) return '';
  const prefix = `${LIFELINE_PORT}/`;
  if (!name.startsWith(prefix)) return null;
  const page = name.slice(prefix.length);
  return isHighlightToken(page) ? page : null;
}

export type BackgroundRequest =
  | { type: 'ping' }
  /** `knownVersion`: the version the content script has cached; the reply is `null` when unchanged. */
  | { type: 'matcher-data'; knownVersion?: string }
  | { type: 'card'; id: string }
  | { type: 'cards'; ids: string[] }
  | { type: 'search'; query: string; category?: CategoryId }
  | { type: 'source'; id: string }
  /**
   * The content script of one frame reports how many mentions it marked, for the toolbar badge
   * (the tab's sum over its frames). `page`: this page load's highlight token, which tells a frame's
   * new document from its old one (absent from a copy older than frames support).
   */
  | { type: 'page-mentions'; total: number; page?: string }
  /**
   * The frame gate (entrypoints/frame-gate/) found the sender's frame worth marking: the
   * background runs the full content script in that frame (never in the top one: the manifest does).
   */
  | { type: 'frame-script' }
  /** A content script in a cross-origin frame asks the address its tab shows (the site switch's). */
  | { type: 'top-url' }
  /** The popup asks which frames of a tab hold mentions (top first), to list and reveal them. */
  | { type: 'tab-frames'; tabId: number }
  | { type: 'data-status' }
  | { type: 'reseed' }
  /**
   * A content script's card asks for the reader page on quote `quote` of card `card`: a web page
   * may not open an extension page itself (and must not learn its URL), so the background does.
   */
  | { type: 'open-reader'; card: string; quote: number }
  /** The reader's own terms, oldest first (options page). */
  | { type: 'user-terms' }
  /**
   * Adds (`id` absent) or replaces one of the reader's terms. `allowBroad`: the reader confirmed
   * spellings that would match nearly everything (see `broadReason`).
   */
  | { type: 'save-user-term'; id?: string; term: UserTermFields; allowBroad: boolean }
  | { type: 'delete-user-term'; id: string }
  /** All of a checked terms file, or nothing (`onDuplicate`: what a term with a known label does). */
  | {
      type: 'import-user-terms';
      terms: UserTermFields[];
      onDuplicate: 'replace' | 'skip';
      allowBroad: boolean;
    }
  /**
   * A content script starts (`on`) or ends a marking session that draws marks: the background
   * inserts (or removes) the styles for the session's highlight names (`token`, see
   * `common/highlight-names.ts`) in the sender's tab and frame. Never sent in stealth mode, with
   * marks turned off, or on a page that is not marked: there the page has no style of ours.
   */
  | { type: 'mark-styles'; on: boolean; token: string };

export interface ImportSummary {
  added: number;
  replaced: number;
  skipped: number;
}

export interface BackgroundReplies {
  ping: { version: string };
  'matcher-data': MatcherData | null;
  card: CardView | null;
  cards: CardView[];
  search: CardView[];
  source: SourceView | null;
  'page-mentions': null;
  'frame-script': null;
  'top-url': string | null;
  'tab-frames': number[];
  'data-status': DataStatus;
  reseed: DataStatus;
  'open-reader': null;
  'user-terms': UserTerm[];
  'save-user-term': UserTerm;
  'delete-user-term': null;
  'import-user-terms': ImportSummary;
  'mark-styles': null;
}

export interface PageMention {
  id: string;
  label: string;
  category: CategoryId;
  count: number;
}

/** What the popup needs to know about the page in a tab (it has no `tabs` permission to read URLs). */
export interface PageInfo {
  /**
   * The page's host. Whether Firewall Lens marks it is not asked: the settings decide that
   * (`decideEnablement`), and the content script applies a change only after round trips.
   */
  hostname: string;
}

export type TabRequest =
  | { type: 'page-info' }
  | { type: 'page-mentions-list' }
  /** Scroll to the next mention of `id` (or of any term) after the current one and open its card. */
  | { type: 'reveal-mention'; id?: string; direction: 'next' | 'previous' }
  /** Pin the open card, or unpin a pinned one (the `pin-card` command). */
  | { type: 'pin-card' };

export interface TabReplies {
  'page-info': PageInfo;
  'page-mentions-list': PageMention[];
  'reveal-mention': { revealed: boolean };
  /** `toggled` is false when no card was open. */
  'pin-card': { toggled: boolean };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_STRING = 1_000;
const MAX_IDS = 500;
/** The reader page's address takes at most six digits. */
const MAX_QUOTE_INDEX = 999_999;

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_STRING;
}

function isCategory(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

function fail<T>(error: string): Reply<T> {
  return { ok: false, error };
}

/** A few problems in one line: the options page checked first and shows them all itself. */
function termFailure<T>(type: string, problems: readonly TermProblem[]): Reply<T> {
  const shown = problems.slice(0, 5).map(describeProblem).join('; ');
  return fail(
    `${type}: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
  );
}

function unconfirmedBroad<T>(type: string, broad: readonly TermProblem[]): Reply<T> {
  return termFailure(
    type,
    broad.map((problem) => ({ ...problem, message: `${problem.message} (not confirmed)` })),
  );
}

/** Checks a message received by the background. Unknown fields are ignored, wrong ones rejected. */
export function parseBackgroundRequest(message: unknown): Reply<BackgroundRequest> {
  if (!isRecord(message)) return fail('message must be an object');
  const { type } = message;
  switch (type) {
    case 'ping':
    case 'data-status':
    case 'reseed':
    case 'frame-script':
    case 'top-url':
      return { ok: true, value: { type } };
    case 'tab-frames': {
      const { tabId } = message;
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) {
        return fail('tab-frames: tabId must be a non-negative integer');
      }
      return { ok: true, value: { type, tabId } };
    }
    case 'matcher-data': {
      const { knownVersion } = message;
      if (knownVersion === undefined) return { ok: true, value: { type } };
      if (!isShortString(knownVersion)) return fail('matcher-data: knownVersion must be a string');
      return { ok: true, value: { type, knownVersion } };
    }
    case 'card':
    case 'source': {
      const { id } = message;
      if (!isShortString(id) || id === '') return fail(`${type}: id must be a non-empty string`);
      return { ok: true, value: { type, id } };
    }
    case 'cards': {
      const { ids } = message;
      if (!Array.isArray(ids) || ids.length > MAX_IDS || !ids.every(isShortString)) {
        return fail(`cards: ids must be an array of at most ${MAX_IDS} strings`);
      }
      return { ok: true, value: { type, ids } };
    }
    case 'search': {
      const { query, category } = message;
      if (!isShortString(query)) return fail('search: query must be a string');
      if (category === undefined) return { ok: true, value: { type, query } };
      if (!isCategory(category))
        return fail(`search: unknown category ${JSON.stringify(category)}`);
      return { ok: true, value: { type, query, category } };
    }
    case 'page-mentions': {
      const { total } = message;
      if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
        return fail('page-mentions: total must be a non-negative integer');
      }
      const { page } = message;
      if (page === undefined) return { ok: true, value: { type, total } };
      if (!isHighlightToken(page)) return fail('page-mentions: page must be a highlight token');
      return { ok: true, value: { type, total, page } };
    }
    case 'open-reader': {
      const { card, quote } = message;
      if (!isShortString(card) || card === '') {
        return fail('open-reader: card must be a non-empty string');
      }
      if (
        typeof quote !== 'number' ||
        !Number.isInteger(quote) ||
        quote < 0 ||
        quote > MAX_QUOTE_INDEX
      ) {
        return fail(`open-reader: quote must be an integer from 0 to ${MAX_QUOTE_INDEX}`);
      }
      return { ok: true, value: { type, card, quote } };
    }
    case 'user-terms':
      return { ok: true, value: { type } };
    case 'save-user-term': {
      const { id, term, allowBroad } = message;
      if (id !== undefined && (!isShortString(id) || id === '')) {
        return fail('save-user-term: id must be a non-empty string');
      }
      if (typeof allowBroad !== 'boolean')
        return fail('save-user-term: allowBroad must be a boolean');
      const checked = checkUserTerm(term);
      if (!checked.ok) return termFailure(type, checked.problems);
      if (!allowBroad && checked.broad.length > 0) return unconfirmedBroad(type, checked.broad);
      const value: BackgroundRequest = { type, term: checked.term, allowBroad };
      if (id !== undefined) value.id = id;
      return { ok: true, value };
    }
    case 'delete-user-term': {
      const { id } = message;
      if (!isShortString(id) || id === '')
        return fail('delete-user-term: id must be a non-empty string');
      return { ok: true, value: { type, id } };
    }
    case 'import-user-terms': {
      const { terms, onDuplicate, allowBroad } = message;
      if (onDuplicate !== 'replace' && onDuplicate !== 'skip') {
        return fail('import-user-terms: onDuplicate must be "replace" or "skip"');
      }
      if (typeof allowBroad !== 'boolean')
        return fail('import-user-terms: allowBroad must be a boolean');
      // The same whole-file check the options page ran, on the same terms.
      const checked = checkTermsFile({
        format: TERMS_FORMAT,
        version: TERMS_FORMAT_VERSION,
        terms,
      });
      if (!checked.ok) return termFailure(type, checked.problems);
      if (!allowBroad && checked.broad.length > 0) return unconfirmedBroad(type, checked.broad);
      return { ok: true, value: { type, terms: checked.terms, onDuplicate, allowBroad } };
    }
    case 'mark-styles': {
      const { on, token } = message;
      if (typeof on !== 'boolean') return fail('mark-styles: on must be a boolean');
      if (!isHighlightToken(token)) {
        return fail('mark-styles: token must be a letter and 11 lower-case letters or digits');
      }
      return { ok: true, value: { type, on, token } };
    }
    default:
      return fail(`unknown message type ${JSON.stringify(type)}`);
  }
}

/** Checks a message received by a content script. */
export function parseTabRequest(message: unknown): Reply<TabRequest> {
  if (!isRecord(message)) return fail('message must be an object');
  const { type } = message;
  switch (type) {
    case 'page-info':
    case 'page-mentions-list':
    case 'pin-card':
      return { ok: true, value: { type } };
    case 'reveal-mention': {
      const { id, direction } = message;
      if (direction !== 'next' && direction !== 'previous') {
        return fail('reveal-mention: direction must be "next" or "previous"');
      }
      if (id === undefined) return { ok: true, value: { type, direction } };
      if (!isShortString(id)) return fail('reveal-mention: id must be a string');
      return { ok: true, value: { type, id, direction } };
    }
    default:
      return fail(`unknown message type ${JSON.stringify(type)}`);
  }
}

/** Checks the envelope of a reply; the payload's shape is trusted (it comes from our own code). */
export function parseReply<T>(reply: unknown): Reply<T> {
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') {
    return { ok: false, error: 'no reply (is the extension being updated?)' };
  }
  if (reply.ok) return { ok: true, value: reply.value as T };
  return { ok: false, error: typeof reply.error === 'string' ? reply.error : 'unknown error' };
}
