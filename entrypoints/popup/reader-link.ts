import { browser } from 'wxt/browser';
import { READER_PATH, readerSearch } from '../reader/reader-query';

export function readerUrl(cardId: string, quoteIndex: number): string {
  return (
    browser.runtime.getURL(READER_PATH) + readerSearch({ kind: 'card', card: cardId, quoteIndex })
  );
}
