/**
 * What is not story, even inside the story, and which of it is a share or social block (left out
 * on pages without a story too). Three moments of the detector use these rules:
 *
 * - the **natures** pass, after the totals: each record by its tag, role and name, inherited
 *   downwards (records come parents first);
 * - the **inline paths**, before the choice: the links and named spans between a matched text and
 *   its record have no record of their own and are judged here, for matched text only;
 * - the **exclusion** pass, after the choice: inside the story, the outermost of what is not story
 *   and the link lists (a list or block that is mostly links).
 */

import { isShareEndpoint } from './share-bars';
import { type StoryHint, storyHint } from './story-hints';
import { CLOCK_EVERY, linkDensity, type PassCursor, type Tally } from './story-records';

export type Nature = 0 | 1 | 2;
export const STORY: Nature = 0;
export const NOT_STORY: Nature = 1;
/** Not story, and a share or social block: left out on pages without a story too. */
export const SOCIAL: Nature = 2;

/** Never story, wherever they are: site navigation, footers and asides (also inside an article). */
const NOT_STORY_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'dialog']);

const NOT_STORY_ROLES = new Set([
  'navigation',
  'contentinfo',
  'complementary',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);

/** A name-based "not story" never applies to an element holding this share of the page's prose. */
const MAX_HINTED_SHARE = 0.6;
/** Inside the story, a list or block this much links, and this short, is a link list. */
const LINK_LIST_DENSITY = 0.5;
const LINK_LIST_MAX_CHARS = 1_500;
/** Blocks that become a link list inside the story when mostly links. */
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'p', 'header']);

/** Share, social and follow names; `sns` is how Japanese, Korean and Chinese sites name them. */
const SOCIAL_NAME = /share|social|follow|sns/i;

/** Share endpoints (share-bars.ts) and "share" labels: a link that offers to share the page. */
/** Reddit-style "submit this link" endpoints on any host. */
const SUBMIT_HREF = /\/submit\?/i;
const SHARE_LABEL = /^\s*(?:share|tweet|post)\b/i;

/** Class and id names repeat across a page: each is read into a hint once per detector. */
export class NameHints {
  private readonly hints = new Map<string, StoryHint>();

  hintOf(element: Element): StoryHint {
    const className = element.getAttribute('class');
    const id = element.getAttribute('id');
    const key = id === null ? (className ?? '') : `${className ?? ''}#${id}`;
    let hint = this.hints.get(key);
    if (hint === undefined) {
      hint = storyHint(className, id);
      this.hints.set(key, hint);
    }
    return hint;
  }
}

/**
 * An element's own nature, its parent being story. `chars` is its prose (0 when not counted) and
 * `rootChars` the prose of the whole walk: a wrapper holding most of the page names the page
 * ("has-comments"), not itself.
 */
export function natureOf(
  element: Element,
  tag: string,
  attributed: boolean,
  hint: StoryHint,
  chars: number,
  rootChars: number,
): Nature {
  const role = attributed ? element.getAttribute('role') : null;
  if (NOT_STORY_TAGS.has(tag) || (role !== null && NOT_STORY_ROLES.has(role))) return NOT_STORY;
  if ((hint === 'decisive' || hint === 'weak') && chars < rootChars * MAX_HINTED_SHARE) {
    return hint === 'decisive' && isSocialName(element) ? SOCIAL : NOT_STORY;
  }
  if (attributed && tag === 'a' && isShareLink(element)) return SOCIAL;
  return STORY;
}

/** Inside what is already not story, whether an element is also a share or social block. */
export function isSocialElement(
  element: Element,
  tag: string,
  attributed: boolean,
  hints: NameHints,
): boolean {
  if (!attributed) return false;
  if (tag === 'a' && isShareLink(element)) return true;
  return hints.hintOf(element) === 'decisive' && isSocialName(element);
}

/**
 * What is not story by tag, role or name, inherited downwards (records come parents first, after
 * the totals). The outermost of each share or social block goes to `social`. Works until
 * `deadline` (by `now`); true when every record is decided.
 */
export function decideNatures(
  records: readonly Tally[],
  pass: PassCursor,
  deadline: number,
  now: () => number,
  hints: NameHints,
  social: Set<Element>,
): boolean {
  const root = records[0];
  const rootChars = root?.chars ?? 0;
  while (pass.cursor < records.length) {
    const record = records[pass.cursor++] as Tally;
    const parent = record.parent;
    if (parent?.notStory) {
      record.notStory = true;
      // A share bar inside a post footer is still a share bar (left out on any page).
      record.social =
        parent.social || isSocialElement(record.element, record.tag, record.attributed, hints);
    } else if (record !== root) {
      if (record.attributed) record.hint = hints.hintOf(record.element);
      const nature = natureOf(
        record.element,
        record.tag,
        record.attributed,
        record.hint,
        record.chars,
        rootChars,
      );
      record.notStory = nature !== STORY;
      record.social = nature === SOCIAL;
    }
    if (record.social && !(parent?.social ?? false)) social.add(record.element);
    if (pass.cursor % CLOCK_EVERY === 0 && now() >= deadline) return false;
  }
  return true;
}

/** An inline element that is not story, with the record whose text it lies in. */
export interface InlineNotStory {
  readonly element: Element;
  readonly holder: Tally;
}

/**
 * The inline elements between a matched text and the record its text counts for (links, named
 * spans) have no record: they are judged here, for matched text only. Those not story go to
 * `notStory` (with the record they are in), share and social ones to `social` too. `rootChars`:
 * the prose of the whole walk (see natureOf).
 */
export function judgeInlinePath(
  text: Text,
  holder: Tally,
  rootChars: number,
  hints: NameHints,
  notStory: InlineNotStory[],
  social: Set<Element>,
): void {
  const path: Element[] = [];
  for (let e = text.parentElement; e !== null && e !== holder.element; e = e.parentElement) {
    path.push(e);
  }
  let isNotStory = holder.notStory;
  let isSocial = holder.social;
  for (let i = path.length - 1; i >= 0; i--) {
    const element = path[i] as Element;
    const tag = element.localName;
    const attributed = element.hasAttributes();
    if (isNotStory) {
      if (!isSocial && isSocialElement(element, tag, attributed, hints)) {
        isSocial = true;
        social.add(element);
      }
      continue;
    }
    const hint = attributed ? hints.hintOf(element) : 'none';
    const nature = natureOf(element, tag, attributed, hint, 0, rootChars);
    if (nature === STORY) continue;
    isNotStory = true;
    notStory.push({ element, holder });
    if (nature === SOCIAL) {
      isSocial = true;
      social.add(element);
    }
  }
}

/**
 * What is not story inside the story: records come parents first, so one pass (in slices)
 * tells each whether it lies in the story (`inStory`, per record index, the story's roots set
 * to 1 before the first slice) and keeps the outermost of what is not in `notStory`. At the end
 * the inline elements judged not story join it where their record lies in the story.
 */
export function excludeInsideStory(
  records: readonly Tally[],
  pass: PassCursor,
  deadline: number,
  now: () => number,
  inStory: Uint8Array,
  inlineNotStory: readonly InlineNotStory[],
  notStory: Set<Element>,
): boolean {
  while (pass.cursor < records.length) {
    const record = records[pass.cursor++] as Tally;
    const parent = record.parent;
    if (parent !== null) {
      if (inStory[parent.index] === 1) inStory[record.index] = 1;
      // notStory is inherited: the outermost is the one whose parent is story.
      if (
        inStory[record.index] === 1 &&
        !parent.notStory &&
        (record.notStory || isLinkList(record))
      ) {
        notStory.add(record.element);
      }
    }
    if (pass.cursor % CLOCK_EVERY === 0 && now() >= deadline) return false;
  }
  for (const { element, holder } of inlineNotStory) {
    if (!holder.notStory && inStory[holder.index] === 1) notStory.add(element);
  }
  return true;
}

/** A short list or block that is mostly links ("Read more", related links inside the story). */
export function isLinkList(record: Tally): boolean {
  return (
    LINK_LIST_TAGS.has(record.tag) &&
    record.chars > 0 &&
    record.chars <= LINK_LIST_MAX_CHARS &&
    linkDensity(record) > LINK_LIST_DENSITY
  );
}

function isSocialName(element: Element): boolean {
  return SOCIAL_NAME.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}

/** A link that offers to share the page: by its endpoint or its label ("Share on Facebook"). */
export function isShareLink(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  const href = element.getAttribute('href');
  if (href !== null && (isShareEndpoint(href) || SUBMIT_HREF.test(href))) return true;
  const label = element.getAttribute('aria-label') ?? element.getAttribute('title');
  return label !== null && SHARE_LABEL.test(label);
}
