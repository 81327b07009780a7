/** Answers every `BackgroundRequest` (common/protocol.ts) from the card cache. */
import { type Browser, browser } from 'wxt/browser';
import { interfaceIsChinese, t } from '../../common/i18n';
import type { BackgroundReplies, BackgroundRequest, DataStatus } from '../../common/protocol';
import { readerUrl } from '../../common/reader-url';
import { announceUserTermsChanged } from '../../common/user-terms-signal';
import {
  type CardCache,
  isStorageFailure,
  type ReadableCache,
  storageFailureReason,
} from './card-cache';
import { cardViews } from './card-views';
import type { GlossaryDatabase } from './db';
import { reportFrame, tabFrames } from './frame-mentions-store';
import { runContentScriptInFrame } from './frame-script';
import { searchGlossary } from './glossary-search';
import { setMarkStyles } from './mark-styles';
import { matcherDataOf } from './matcher-data';
import type { Seeder } from './seed';
import {
  deleteUserTerm,
  importUserTerms,
  listUserTerms,
  matcherVersion,
  saveUserTerm,
} from './user-term-store';

export interface BackgroundContext {
  db: GlossaryDatabase;
  seeder: Seeder;
  /** Every read of cards goes through it, so a storage fault falls back to the bundle. */
  cache: CardCache;
}

type Sender = Browser.runtime.MessageSender;

type Handlers = {
  [T in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: T }>,
    sender: Sender,
    context: BackgroundContext,
  ) => Promise<BackgroundReplies[T]>;
};

/**
 * A reader's terms are changed only from the extension's own pages: a content script runs inside
 * web pages, and a compromised renderer must not be able to plant terms.
 */
function requireExtensionPage(sender: Sender, type: string): void {
  // An options page opened in a tab has a `tab` too; its URL is what says it is ours.
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) {
    throw new Error(`${type} is accepted only from the extension's own pages`);
  }
}

async function storedVersion(db: ReadableCache): Promise<string | null> {
  return (await db.meta.get('dataVersion'))?.value ?? null;
}

async function dataStatus(cache: CardCache): Promise<DataStatus> {
  const [cardCount, dataVersion] = await cache.read((db) =>
    Promise.all([db.cards.count(), storedVersion(db)]),
  );
  const state = cache.state();
  return { cardCount, dataVersion, cacheProblem: state.available ? null : state.reason };
}

/**
 * A reader's terms, read or written, when the storage fails: the reply says why in the reader's
 * language and that nothing was lost (a failed Dexie transaction is aborted whole, so the terms
 * saved before are as they were). A full disk is named as such: the reader can act on that.
 */
async function storing<T>(
  otherwise: 'storageOffNotSaved' | 'storageOffTermsKept',
  use: () => Promise<T>,
): Promise<T> {
  try {
    return await use();
  } catch (error) {
    if (!isStorageFailure(error)) throw error;
    const reason = storageFailureReason(error);
    const full =
      otherwise === 'storageOffNotSaved' &&
      (error.name === 'QuotaExceededError' || /quota/i.test(reason));
    throw new Error(t(full ? 'storageFullNotSaved' : otherwise, { reason }));
  }
}

/** Every handler that reads the cache waits for seeding first (see seed.ts for why). */
const handlers: Handlers = {
  async ping() {
    return { version: browser.runtime.getManifest().version };
  },

  async 'matcher-data'({ knownVersion }, _sender, { cache }) {
    return cache.read(async (db) => {
      const version = await matcherVersion(db);
      // Content scripts ask on every page load; an unchanged version costs two small reads.
      if (knownVersion !== undefined && knownVersion === version) return null;
      return matcherDataOf(version, await db.cards.toArray());
    });
  },

  async card({ id }, _sender, { cache }) {
    return cache.read(async (db) => {
      const row = await db.cards.get(id);
      if (!row) return null;
      const [view] = await cardViews(db, [row]);
      return view ?? null;
    });
  },

  async cards({ ids }, _sender, { cache }) {
    return cache.read(async (db) => {
      const rows = await db.cards.bulkGet(ids);
      return cardViews(
        db,
        rows.filter((row) => row !== undefined),
      );
    });
  },

  async search({ query, category }, _sender, { cache }) {
    return cache.read(async (db) => {
      const rows = await db.cards.toArray();
      return cardViews(
        db,
        searchGlossary(rows, query, { category, chinese: interfaceIsChinese() }),
      );
    });
  },

  async source({ id }, _sender, { cache }) {
    return cache.read(async (db) => {
      const row = await db.sources.get(id);
      return row ? { id: row.id, title: row.title, text: row.text } : null;
    });
  },

  // Per frame, summed per tab on the badge; kept in storage.session (numbers and random page
  // tokens only, never an address) so that a worker restart does not forget the frames.
  async 'page-mentions'({ total, page }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    await reportFrame(tabId, sender.frameId ?? 0, { total, page: page ?? '' });
    return null;
  },

  async 'frame-script'(_request, sender) {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    // The top frame has the manifest's copy; a request from anywhere else is not a frame's gate.
    if (tabId === undefined || frameId === undefined || frameId === 0) {
      throw new Error('frame-script: only a sub-frame of a tab can ask');
    }
    await runContentScriptInFrame(tabId, frameId);
    return null;
  },

  async 'top-url'(_request, sender) {
    return sender.tab?.url ?? null;
  },

  async 'tab-frames'({ tabId }, sender) {
    requireExtensionPage(sender, 'tab-frames');
    return tabFrames(tabId);
  },

  // tabs.create needs no permission; the tab opens beside the page the card was on.
  async 'open-reader'({ card, quote }, sender) {
    const url = readerUrl(card, quote);
    const opener = sender.tab;
    await browser.tabs.create(
      opener?.id === undefined
        ? { url }
        : { url, openerTabId: opener.id, windowId: opener.windowId, index: opener.index + 1 },
    );
    return null;
  },

  async 'mark-styles'(request, sender) {
    return setMarkStyles(request, sender);
  },

  async 'data-status'(_request, _sender, { cache }) {
    return dataStatus(cache);
  },

  async 'user-terms'(_request, _sender, { db, seeder }) {
    // No fallback here: an empty list would tell the reader their terms are gone.
    return storing('storageOffTermsKept', async () => {
      await seeder.ensureSeeded();
      return listUserTerms(db);
    });
  },

  async 'save-user-term'({ id, term }, sender, { db, seeder }) {
    requireExtensionPage(sender, 'save-user-term');
    const saved = await storing('storageOffNotSaved', async () => {
      await seeder.ensureSeeded();
      return saveUserTerm(db, id, term);
    });
    await announceUserTermsChanged(await matcherVersion(db));
    return saved;
  },

  async 'delete-user-term'({ id }, sender, { db, seeder }) {
    requireExtensionPage(sender, 'delete-user-term');
    await storing('storageOffNotSaved', async () => {
      await seeder.ensureSeeded();
      await deleteUserTerm(db, id);
    });
    await announceUserTermsChanged(await matcherVersion(db));
    return null;
  },

  async 'import-user-terms'({ terms, onDuplicate }, sender, { db, seeder }) {
    requireExtensionPage(sender, 'import-user-terms');
    const result = await storing('storageOffNotSaved', async () => {
      await seeder.ensureSeeded();
      return importUserTerms(db, terms, onDuplicate);
    });
    await announceUserTermsChanged(await matcherVersion(db));
    return result;
  },

  async reseed(_request, _sender, { seeder, cache }) {
    const outcome = await seeder.reseed();
    if (outcome.status === 'invalid') {
      throw new Error(`the bundled glossary is invalid: ${outcome.errors.join('; ')}`);
    }
    return dataStatus(cache);
  },
};

export function handleBackgroundRequest<R extends BackgroundRequest>(
  request: R,
  sender: Sender,
  context: BackgroundContext,
): Promise<BackgroundReplies[R['type']]> {
  // TypeScript can't correlate `handlers[request.type]` with `request`; the mapped type above can.
  const handler = handlers[request.type] as unknown as (
    request: R,
    sender: Sender,
    context: BackgroundContext,
  ) => Promise<BackgroundReplies[R['type']]>;
  return handler(request, sender, context);
}
