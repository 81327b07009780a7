/**
 * Opens the reader page for a card's quote. A web page may not navigate to an extension page
 * (and an extension URL written into the page would tell its scripts this extension's id), so
 * the background opens the tab.
 */
import { askBackground } from '../../../common/messaging';

export async function openReaderTab(card: string, quoteIndex: number): Promise<void> {
  try {
    await askBackground({ type: 'open-reader', card, quote: quoteIndex });
  } catch (error) {
    console.warn('Firewall Lens: could not open the reader', error);
  }
}
