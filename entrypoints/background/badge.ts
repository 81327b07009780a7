/** A badge has room for about four characters; "99+" keeps the count readable. */
const MAX_BADGE_COUNT = 99;

/** Dark red under the badge's white text: 7.3:1 contrast (WCAG AAA). */
export const BADGE_BACKGROUND = '#a4262c';

/** What the toolbar badge says for a page's mention count: nothing for none. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(total);
}
