/** How categories are named to the reader. */
import type { CategoryId } from '../common/glossary-types';

/** A card names the kind of thing it explains: one term, so singular. */
export const CATEGORY_LABEL: Readonly<Record<CategoryId, string>> = {
  'censorship-system': 'Censorship system',
  circumvention: 'Circumvention',
  'blocked-platform': 'Blocked platform',
  policy: 'Policy',
  'domestic-platform': 'Domestic platform',
  event: 'Event',
  user: 'Your term',
};

export function categoryLabel(category: CategoryId): string {
  return CATEGORY_LABEL[category];
}

/** The options' switches and the glossary's chips name groups of terms: plural. */
export const CATEGORY_LABELS: Readonly<Record<CategoryId, string>> = {
  'censorship-system': 'Censorship systems',
  circumvention: 'Circumvention',
  'blocked-platform': 'Blocked platforms',
  policy: 'Policy',
  'domestic-platform': 'Domestic platforms',
  event: 'Events',
  user: 'Your terms',
};
