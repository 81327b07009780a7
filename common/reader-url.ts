import { browser } from 'wxt/browser';
import { READER_PATH, readerSearch } from './reader-query';

/** The reader page with quote `quoteIndex` of card `cardId` highlighted (extension pages only). */
export function readerUrl(cardId: string, quoteIndex: number): string {
  return (
    browser.runtime.getURL(READER_PATH) + readerSearch({ kind: 'card', card: cardId, quoteIndex })
  );
}
