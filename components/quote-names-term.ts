/**
 * Whether a card's quotes name its own term. The source article names Facebook, Twitter and
 * YouTube; for every other blocked platform its sentence is about the category, and the card has
 * to say so rather than let the quote pass for a statement about that service.
 */
import type { GlossaryEntry } from '../common/glossary-types';

export function quoteNamesTerm(entry: Pick<GlossaryEntry, 'aliases' | 'quotes'>): boolean {
  return entry.quotes.some((quote) => {
    const text = quote.text.toLowerCase();
    return entry.aliases.some((alias) => text.includes(alias.text.toLowerCase()));
  });
}
