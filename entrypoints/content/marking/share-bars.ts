/**
 * Share and follow bars known by what their links do, in any language: a Japanese bar says
 * "ツイート", "シェア", "はてブ", "LINEで送る", a Chinese one "分享到微博", and none of those words
 * is needed. Its links go to the platforms' share endpoints ("post this page") or to the site's
 * own accounts' root pages ("follow us"), and it holds little text per link. Such a block names
 * platforms without being about them: it is not story on any page.
 *
 * Pure: works on anything shaped like a DOM element (tested with happy-dom).
 */

/** Share endpoints: a link there posts the page it is on. */
const SHARE_ENDPOINT = new RegExp(
  [
    String.raw`^mailto:[^?]*\?.*\b(?:subject|body)=`,
    '^(?:whatsapp|line|fb-messenger|tg|weixin)://(?:send|msg|share)',
    String.raw`^(?:https?:)?//(?:[a-z0-9-]+\.)*(?:` +
      [
        String.raw`(?:twitter|x)\.com/(?:intent|share)`,
        String.raw`facebook\.com/(?:sharer|share\.php|dialog/(?:share|feed|send))`,
        String.raw`line\.me/R/(?:msg|share)`,
        String.raw`social-plugins\.line\.me`,
        String.raw`lineit\.line\.me`,
        String.raw`timeline\.line\.me/social-plugin`,
        String.raw`b\.hatena\.ne\.jp/(?:entry|add)`,
        String.raw`service\.weibo\.com/share`,
        String.raw`getpocket\.com/(?:save|edit)`,
        String.raw`linkedin\.com/(?:shareArticle|sharing|cws/share)`,
        String.raw`reddit\.com/submit`,
        String.raw`pinterest\.[a-z.]+/pin/create`,
        String.raw`tumblr\.com/(?:share|widgets/share)`,
        String.raw`(?:api|web)\.whatsapp\.com/send`,
        String.raw`wa\.me/\?`,
        String.raw`(?:t|telegram)\.me/share`,
        String.raw`connect\.qq\.com/widget/shareqq`,
        String.raw`sns\.qzone\.qq\.com/cgi-bin/qzshare`,
        String.raw`news\.ycombinator\.com/submitlink`,
        String.raw`share\.flipboard\.com`,
        String.raw`bsky\.app/intent`,
        String.raw`mixi\.jp/share`,
        String.raw`note\.com/intent`,
      ].join('|') +
      ')',
    // Any site's own share scripts and the generic patterns the scan already knows.
    '/intent/(?:tweet|post)',
    String.raw`/share(?:r|article)?(?:\.php)?(?:[/?#]|$)`,
    '[?&]share=',
  ].join('|'),
  'i',
);

/**
 * An account's root page on a social platform: `twitter.com/nhk_news`, `x.com/nhk_news`,
 * `facebook.com/nhk`, `youtube.com/@nhk` or `/channel/…`, `instagram.com/nhk/`,
 * `line.me/R/ti/p/@nhk`, `weibo.com/u/123`, `tiktok.com/@nhk`, `linkedin.com/company/nhk`.
 * A post's or video's page is longer (`/status/1`, `/watch?v=`), and is not a follow link.
 */
const ACCOUNT_ROOT = new RegExp(
  String.raw`^(?:https?:)?//(?:www\.|m\.|mobile\.)?(?:` +
    [
      String.raw`(?:twitter|x|facebook|instagram|threads|pinterest)\.(?:com|net)/@?[\w.-]+`,
      String.raw`youtube\.com/(?:@[\w.-]+|(?:channel|user|c)/[\w.-]+)`,
      String.raw`tiktok\.com/@[\w.-]+`,
      String.raw`line\.me/R/ti/p/[@\w.%-]+`,
      String.raw`page\.line\.me/[\w.-]+`,
      String.raw`weibo\.com/(?:u/)?[\w.-]+`,
      String.raw`linkedin\.com/(?:company|in)/[\w.-]+`,
      String.raw`bsky\.app/profile/[\w.-]+`,
      String.raw`t\.me/[\w.-]+`,
    ].join('|') +
    ')/?(?:[?#]|$)',
  'i',
);

/** First path segments that are a platform's own pages, not an account. */
const NOT_AN_ACCOUNT =
  /^(?:https?:)?\/\/[^/]+\/(?:home|search|explore|hashtag|watch|share|sharer|intent|login|signup|help|about|policies|privacy|legal|tos|settings|i)\/?(?:[?#]|$)/i;

/** Whether a link's href posts the page to a platform (a share button). */
export function isShareEndpoint(href: string): boolean {
  return SHARE_ENDPOINT.test(href.trim());
}

/** Whether a link's href is an account's root page on a platform (a follow button). */
export function isAccountRoot(href: string): boolean {
  const url = href.trim();
  return ACCOUNT_ROOT.test(url) && !NOT_AN_ACCOUNT.test(url);
}

/** A bar holds at least this many share or follow links… */
const MIN_BAR_LINKS = 2;
/** …they are at least this share of its links… */
const MIN_SOCIAL_SHARE = 0.5;
/** …and it holds this little text per link ("Twitter", "LINEで送る", "分享到微博", a count). */
const MAX_CHARS_PER_LINK = 24;

/** A contact line is this short: "Name: 206-555-0100 or name@site.example; on Twitter: @name." */
const MAX_CONTACT_CHARS = 160;
const CONTACT_HREF = /^\s*(?:mailto|tel):/i;

interface LinkLike {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface BarElementLike {
  readonly textContent: string | null;
  getElementsByTagName(name: 'a'): ArrayLike<LinkLike>;
}

/**
 * Whether `element` is a share or follow bar: two or more of its links share the page or lead
 * to an account's root, at least half of its links do, and it holds little text per link; or a
 * contact line: a short block with a link to an account's root beside an e-mail or phone link. Meant for small blocks (the detector asks only blocks of a few
 * hundred characters).
 */
export function isShareBar(element: BarElementLike): boolean {
  const links = element.getElementsByTagName('a');
  const count = links.length;
  if (count === 0) return false;
  let social = 0;
  let accounts = 0;
  let contact = false;
  for (let i = 0; i < count; i++) {
    const link = links[i];
    const href = link?.getAttribute('href');
    if (link === undefined || href == null) continue;
    if (isShareEndpoint(href)) social++;
    else if (isAccountRoot(href)) {
      social++;
      accounts++;
    } else if (CONTACT_HREF.test(href)) contact = true;
  }
  const chars = (element.textContent ?? '').replace(/\s+/g, '').length;
  // A byline's contact line ("206-555-0100 or name@site.example; on Twitter: @name") follows a
  // person. A handle alone does not make one: "Follow him on Twitter @name" closing a story is
  // the story's (Readability keeps it; breitbart.html, measuring half, lost a mention to that).
  if (accounts > 0 && contact && chars <= MAX_CONTACT_CHARS) return true;
  if (social < MIN_BAR_LINKS || social < count * MIN_SOCIAL_SHARE) return false;
  return chars <= count * MAX_CHARS_PER_LINK;
}

/**
 * The label a bar or a list of other stories starts with, in Japanese, Chinese, Korean and
 * English: "シェア", "分享到", "フォロー", "关注我们", "Share"; "関連記事", "あわせて読みたい",
 * "相关阅读", "推荐阅读", "延伸阅读", "관련 기사", "Related stories", "Read more".
 */
const SHARE_LABEL =
  /^(?:この記事を)?(?:シェア|共有|ツイート|フォロー)(?:する|しよう)?|^(?:分享|关注我们|關注我們|공유)|^(?:share(?: this(?: article| story| page)?)?|follow us(?: on)?)$/i;
const RELATED_LABEL =
  /^(?:関連(?:記事|ニュース|リンク|情報)?|あわせて読みたい|合わせて読みたい|(?:こちらも)?おすすめ(?:記事)?|人気(?:記事|ランキング)|ランキング|相关(?:新闻|阅读|文章|报道|链接)|相關(?:新聞|閱讀|文章|報導)|推荐(?:阅读|文章)?|推薦(?:閱讀|文章)?|延伸阅读|延伸閱讀|热门(?:文章|新闻)?|熱門|猜你喜欢|更多(?:新闻|文章)|관련\s?기사|related(?:\s+(?:stories|articles|content|news|coverage|links))?$|read\s+more$|more\s+(?:stories|news)$|recommended(?:\s+for\s+you)?$|you\s+may\s+also\s+like$)/i;
/** A label is a short first child: a heading, or a few words in a block or span. */
const MAX_LABEL_CHARS = 24;
const LABEL_TAGS = new Set([
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'span',
  'strong',
  'b',
  'dt',
  'header',
]);

export interface LabelledElementLike extends BarElementLike {
  readonly firstElementChild: {
    readonly localName: string;
    readonly textContent: string | null;
  } | null;
}

/**
 * What a block of links says it is by its first child's label: a share or follow bar, a list of
 * other stories, or neither. Needs two links or more: a label alone names nothing.
 */
export function labelledBlockKind(element: LabelledElementLike): 'share' | 'related' | null {
  const first = element.firstElementChild;
  if (first === null || !LABEL_TAGS.has(first.localName)) return null;
  const label = (first.textContent ?? '').trim().replace(/[\s:：]+$/, '');
  if (label.length === 0 || label.length > MAX_LABEL_CHARS) return null;
  const kind = SHARE_LABEL.test(label) ? 'share' : RELATED_LABEL.test(label) ? 'related' : null;
  if (kind === null || element.getElementsByTagName('a').length < MIN_BAR_LINKS) return null;
  return kind;
}

/** How far up from a matched text, and how small, a block is asked whether it is a share bar. */
const BAR_LEVELS = 4;
const BAR_MAX_CHARS = 400;
/** A labelled list of other stories may be longer (teasers with summaries). */
const RELATED_MAX_CHARS = 1_500;

/** What `markShareBar` needs of the story detector's record of an element. */
export interface BarRecord<E extends LabelledElementLike> {
  readonly element: E;
  readonly parent: BarRecord<E> | null;
  /** Characters of text below it, as the detector counts them. */
  readonly chars: number;
  notStory: boolean;
  social: boolean;
}

/**
 * The story detector's step: of the small blocks around a matched text (`holder`, the record its
 * text counts for, and up to three ancestors), the outermost share or follow bar (under 400
 * characters) becomes a social block (not story, and left out on pages without a story too),
 * and the outermost labelled list of other stories (under 1,500) is not story. `known` keeps
 * each block's answer, since texts share their blocks. Asked only on the paths of matched text:
 * the rest of the page holds nothing to mark.
 */
export function markShareBar<E extends LabelledElementLike>(
  holder: BarRecord<E>,
  known: Map<BarRecord<E>, BlockKind>,
  social: Set<E>,
): void {
  let bar: BarRecord<E> | null = null;
  let related: BarRecord<E> | null = null;
  let record: BarRecord<E> | null = holder;
  for (let level = 0; level < BAR_LEVELS && record !== null; level++) {
    // The page's root is never a bar, however small the page.
    if (record.parent === null || record.chars > RELATED_MAX_CHARS) break;
    let kind = known.get(record);
    if (kind === undefined) {
      kind = blockKind(record.element, record.chars);
      known.set(record, kind);
    }
    if (kind === 'share') bar = record;
    else if (kind === 'related') related = record;
    record = record.parent;
  }
  // Other stories are not this story, but on a page without one (a home page) they are the page.
  if (related !== null) related.notStory = true;
  if (bar === null || bar.social) return;
  bar.notStory = true;
  bar.social = true;
  social.add(bar.element);
}

export type BlockKind = 'share' | 'related' | null;

function blockKind(element: LabelledElementLike, chars: number): BlockKind {
  const labelled = labelledBlockKind(element);
  if (labelled === 'related') return labelled;
  if (chars > BAR_MAX_CHARS) return null;
  return labelled === 'share' || isShareBar(element) ? 'share' : null;
}
