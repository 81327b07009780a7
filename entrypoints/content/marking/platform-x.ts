/**
 * Where a capital "X" on a page is the platform once called Twitter. Pure: no browser globals.
 *
 * "X" alone is never enough: Model X, X-ray, Generation X, Plan X, the X Games, SpaceX, Xbox,
 * Malcolm X and the X chromosome are all over the news. So X is the platform only where the page
 * says so itself:
 * - an introduction, marked wherever it stands: "X, formerly Twitter", "X (formerly known as
 *   Twitter)", "X, the platform formerly known as Twitter", "Twitter, now X", "Twitter (renamed
 *   X)", and the Chinese forms "X（原推特）", "X平台（前身为Twitter）", "推特（现更名为X）";
 * - once the page has introduced it (or links to x.com or twitter.com, see platform-links.ts),
 *   the phrases news uses for the platform: "on X", "posted to X", "banned from X", "X posts",
 *   "X users", "X's owner", "在X上", "X用户". A capitalised word just before X ("Generation X
 *   users", "Malcolm X's followers") or just after it ("on X Games") makes it a name of something
 *   else, and X must stand alone: no letter, digit, hyphen or dot joined to it.
 */

/** A span of text, UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface PlatformXResult {
  spans: Span[];
  /** This text introduces X as the platform: later text may use the short phrases. */
  introduces: boolean;
}

const NONE: PlatformXResult = Object.freeze({ spans: [], introduces: false }) as PlatformXResult;

/** Nothing joined to X on either side: not SpaceX, X-ray, Xbox, X.509, @X, #X, X/Y. */
const ALONE_BEFORE = "(?<![A-Za-z0-9_\\-.&/@#'’])";
const ALONE_AFTER = '(?![A-Za-z0-9_\\-]|\\.[A-Za-z0-9])';

const INTRODUCTIONS: readonly { re: RegExp; xAtEnd: boolean }[] = [
  {
    // X, formerly Twitter · X (formerly known as Twitter) · X, the social media platform once called Twitter
    re: new RegExp(
      `${ALONE_BEFORE}X${ALONE_AFTER}(?=\\s*[,(—–]?\\s*(?:the\\s+(?:[a-z-]+\\s+){0,3}(?:platform|site|network|service|app|company)\\s+)?(?:formerly|previously|once)\\s+(?:known\\s+as\\s+|called\\s+|named\\s+)?Twitter)`,
      'g',
    ),
    xAtEnd: false,
  },
  {
    // Twitter, now X · Twitter (now called X) · Twitter, which was renamed X · Twitter, rebranded as X
    re: new RegExp(
      `Twitter\\s*[,(]?\\s*(?:which\\s+(?:is|was|has\\s+been)\\s+)?(?:now|since\\s+renamed|renamed|rebranded(?:\\s+as)?)\\s+(?:known\\s+as\\s+|called\\s+)?X${ALONE_AFTER}`,
      'g',
    ),
    xAtEnd: true,
  },
  {
    // X（原推特） · X平台（前身为Twitter） · X（原名推特）
    re: new RegExp(
      `${ALONE_BEFORE}X(?:平台)?\\s*[（(]\\s*(?:原名|原称|前称|旧称|前身为|前身是|原为|原|即)\\s*(?:推特|Twitter)`,
      'g',
    ),
    xAtEnd: false,
  },
  {
    // 推特（现更名为X） · 推特（现称X） · Twitter（现名X）
    re: new RegExp(
      `(?:推特|Twitter)\\s*[（(]?\\s*(?:现已|现|已)?\\s*(?:更名为|改名为|更名|改名|现名|现称|名为)\\s*X${ALONE_AFTER}`,
      'g',
    ),
    xAtEnd: true,
  },
];

/** Words before X that make it the platform ("on X"), lowercase or capitalised at a sentence start. */
const BEFORE_WORDS = `(?:${[
  'on',
  'onto',
  'via',
  'joined',
  'join',
  'joining',
  'left',
  'leave',
  'leaving',
  'quit',
  'quitting',
  'posted\\s+to',
  'posting\\s+to',
  'post\\s+to',
  'posts\\s+to',
  'flocked\\s+to',
  'moved\\s+to',
  'returned\\s+to',
  'banned\\s+from',
  'suspended\\s+from',
  'removed\\s+from',
  'platform',
  "Musk['’]s",
]
  .map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`)
  .join('|')})`;
/** Words after X (or after X's) that make it the platform ("X users"). */
const AFTER_WORDS =
  '(?:posts?|posted|posting|users?|accounts?|feeds?|handles?|profiles?|threads?|followers|owner|CEO|chief|algorithm|timeline|platform|search)';

/** "X users", "X posts", and the possessive "X’s head of product". */
const AFTER_CONTEXT = new RegExp(
  `${ALONE_BEFORE}X(?:(?=\\s+${AFTER_WORDS}(?![A-Za-z]))|['’]s(?![A-Za-z]))`,
  'g',
);
/** "on X Games", "on X Factor": a capitalised word right after X names something else. */
const BEFORE_CONTEXT = new RegExp(
  `(?<![A-Za-z])${BEFORE_WORDS}\\s+X${ALONE_AFTER}(?!\\s+[A-Z])`,
  'g',
);
const CHINESE_CONTEXT = new RegExp(
  `(?:在X(?=上|平台)|${ALONE_BEFORE}X(?=平台|用户|账号|账户|帖子|上发))`,
  'g',
);

/** "Generation X", "Model X", "Malcolm X": a capitalised word right before X names something else. */
const CAPITALISED_BEFORE = /(?:^|[^A-Za-z])([A-Z][A-Za-z]*)\s+$/;
const CONTEXT_WORD = new RegExp(`^${BEFORE_WORDS}$`);

function capitalisedNameBefore(text: string, x: number): boolean {
  const before = CAPITALISED_BEFORE.exec(text.slice(Math.max(0, x - 40), x));
  return before !== null && !CONTEXT_WORD.test(before[1] as string);
}

function overlaps(spans: readonly Span[], start: number): boolean {
  return spans.some((span) => span.start <= start && start < span.end);
}

/**
 * The spans of `text` where X is the platform. `known`: the page has already introduced it (an
 * earlier text, or a link to x.com or twitter.com).
 */
export function findPlatformX(text: string, known: boolean): PlatformXResult {
  if (text.indexOf('X') < 0) return NONE;
  const spans: Span[] = [];
  for (const { re, xAtEnd } of INTRODUCTIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = xAtEnd ? m.index + m[0].length - 1 : m.index;
      if (!overlaps(spans, start)) spans.push({ start, end: start + 1 });
    }
  }
  const introduces = spans.length > 0;
  if (known || introduces) {
    AFTER_CONTEXT.lastIndex = 0;
    for (let m = AFTER_CONTEXT.exec(text); m !== null; m = AFTER_CONTEXT.exec(text)) {
      if (!capitalisedNameBefore(text, m.index) && !overlaps(spans, m.index)) {
        spans.push({ start: m.index, end: m.index + 1 });
      }
    }
    BEFORE_CONTEXT.lastIndex = 0;
    for (let m = BEFORE_CONTEXT.exec(text); m !== null; m = BEFORE_CONTEXT.exec(text)) {
      const start = m.index + m[0].length - 1;
      if (!overlaps(spans, start)) spans.push({ start, end: start + 1 });
    }
    CHINESE_CONTEXT.lastIndex = 0;
    for (let m = CHINESE_CONTEXT.exec(text); m !== null; m = CHINESE_CONTEXT.exec(text)) {
      const start = m.index + m[0].length - 1;
      if (!overlaps(spans, start)) spans.push({ start, end: start + 1 });
    }
  }
  if (spans.length === 0) return NONE;
  spans.sort((a, b) => a.start - b.start);
  return { spans, introduces };
}
