/** How categories are named to the reader, in the interface language. */
import type { CategoryId } from '../common/glossary-types';
import { type PlainId, t } from '../common/i18n';

/** A card names the kind of thing it explains: one term, so singular. */
const CATEGORY_LABEL: Readonly<Record<CategoryId, PlainId>> = {
  'censorship-system': 'categoryCensorshipSystem',
  circumvention: 'categoryCircumvention',
  'blocked-platform': 'categoryBlockedPlatform',
  policy: 'categoryPolicy',
  'domestic-platform': 'categoryDomesticPlatform',
  event: 'categoryEvent',
  user: 'categoryUser',
};

/** The options' switches and the glossary's chips name groups of terms: plural. */
const CATEGORY_GROUP_LABEL: Readonly<Record<CategoryId, PlainId>> = {
  'censorship-system': 'categoriesCensorshipSystem',
  circumvention: 'categoriesCircumvention',
  'blocked-platform': 'categoriesBlockedPlatform',
  policy: 'categoriesPolicy',
  'domestic-platform': 'categoriesDomesticPlatform',
  event: 'categoriesEvent',
  user: 'categoriesUser',
};

export function categoryLabel(category: CategoryId): string {
  return t(CATEGORY_LABEL[category]);
}

export function categoryGroupLabel(category: CategoryId): string {
  return t(CATEGORY_GROUP_LABEL[category]);
}
