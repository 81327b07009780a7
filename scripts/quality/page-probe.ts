/**
 * Runs inside a corpus page once its marks have settled (bundled by quality-meter.mjs, evaluated
 * in the page's main world, which in Chromium shares `CSS.highlights` with the content script).
 * Judges every mark of ours against the gold article, Readability's extraction of the same page:
 *
 * - **precision**: a mark is in the story when the text around it, within its block (paragraph,
 *   list item, cell, heading…), appears in the gold article's text; a block too short to carry
 *   context ("VPN" alone in a tag list) counts only when the gold article has an element with
 *   exactly that text. The story's title counts as story: Readability reports it beside the
 *   article (its `title`, from the page's `<title>` or `og:title`) and drops the headline from
 *   the article's text because of that, so the headline is judged against the title;
 * - **recall**: the glossary's mentions in the gold article's text (the shipped matcher, every
 *   category, run over each of its text nodes as the scanner does), matched per term against the
 *   marks judged in the story.
 *
 * Nothing here is imported from the detector: the judge must not share its mistakes.
 */
import type { Glossary } from '../../common/glossary-types';
import glossaryJson from '../../data/glossary.json';
import { flattenAliases } from '../../entrypoints/background/matcher-data';
import { compileMatcher, type Matcher } from '../../entrypoints/content/marking/matcher';

const matcher: Matcher = compileMatcher(flattenAliases(glossaryJson as unknown as Glossary));

/** Characters of context on each side of a mark that must be found in the gold text. */
const CONTEXT = 30;
/** A candidate needs at least this much context beyond the mark itself to be evidence. */
const MIN_CONTEXT = 10;

const BLOCKS = new Set(
  (
    'p div li td th dd dt h1 h2 h3 h4 h5 h6 blockquote figcaption figure pre section article ' +
    'main aside header footer nav ul ol dl table caption tr address details summary form body'
  ).split(' '),
);

export interface PageQuality {
  /** Glossary mentions in the gold article's text. */
  goldMentions: number;
  /** Of those, how many have a mark judged in the story (per term, at most as many as in gold). */
  goldMentionsMarked: number;
  marks: number;
  marksInStory: number;
  /** Up to 8 marks judged outside the story, with their context, for the table's reader. */
  strays: string[];
  /** Up to 8 terms of the gold article with fewer marks in the story than mentions. */
  missed: string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

function blockOf(node: Node): Element {
  for (let el = node.parentElement; el !== null; el = el.parentElement) {
    if (BLOCKS.has(el.localName)) return el;
  }
  return document.body;
}

/** The mark with up to `wanted` characters of its block's text on each side, whitespace collapsed. */
function contextOf(
  node: Text,
  start: number,
  end: number,
): { left: string; mark: string; right: string; block: string } {
  const block = blockOf(node);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let before = '';
  let after = '';
  let seen = false;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (n === node) {
      seen = true;
      before += data.slice(0, start);
      after += data.slice(end);
    } else if (!seen) before += data;
    else after += data;
    if (seen && after.length > CONTEXT * 4) break;
  }
  const left = collapse(before.slice(-CONTEXT * 4)).slice(-CONTEXT);
  const right = collapse(after.slice(0, CONTEXT * 4)).slice(0, CONTEXT);
  const mark = collapse(node.data.slice(start, end));
  return { left, mark, right, block: collapse(block.textContent ?? '').trim() };
}

function termAt(node: Text, start: number): string {
  return matcher.findAll(node.data).find((m) => m.start === start)?.id ?? '?';
}

/** `ours`: the source of a RegExp matching our highlight names (they are random per page). */
export function measureQuality(goldHtml: string, ours: string): PageQuality {
  const ourName = new RegExp(ours);
  const gold = new DOMParser().parseFromString(goldHtml, 'text/html');
  const titles = [
    document.title,
    document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
  ];
  const goldText = collapse([gold.body.textContent ?? '', ...titles].join(' \u00b6 '));
  const goldBlocks = new Set<string>();
  for (const el of gold.body.querySelectorAll('*')) {
    const text = collapse(el.textContent ?? '').trim();
    if (text.length > 0 && text.length <= 200) goldBlocks.add(text);
  }
  for (const title of titles) goldBlocks.add(collapse(title).trim());
  const goldCounts = new Map<string, number>();
  const goldWalker = gold.createTreeWalker(gold.body, NodeFilter.SHOW_TEXT);
  for (let n = goldWalker.nextNode(); n !== null; n = goldWalker.nextNode()) {
    for (const m of matcher.findAll((n as Text).data)) {
      goldCounts.set(m.id, (goldCounts.get(m.id) ?? 0) + 1);
    }
  }

  const inStoryCounts = new Map<string, number>();
  const strays: string[] = [];
  let marks = 0;
  let marksInStory = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!ourName.test(name)) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) {
      const node = range.startContainer;
      if (node.nodeType !== Node.TEXT_NODE) continue;
      marks++;
      const text = node as Text;
      const { left, mark, right, block } = contextOf(text, range.startOffset, range.endOffset);
      const candidates = [left + mark + right, left + mark, mark + right]
        .map((candidate) => candidate.trim())
        .filter((candidate) => candidate.length >= mark.length + MIN_CONTEXT);
      const inStory =
        candidates.length > 0
          ? candidates.some((candidate) => goldText.includes(candidate))
          : goldBlocks.has(block);
      if (inStory) {
        marksInStory++;
        const id = termAt(text, range.startOffset);
        inStoryCounts.set(id, (inStoryCounts.get(id) ?? 0) + 1);
      } else if (strays.length < 8) {
        strays.push(`${left.trimStart()}[${mark}]${right.trimEnd()}`);
      }
    }
  }

  let goldMentions = 0;
  let goldMentionsMarked = 0;
  const missed: string[] = [];
  for (const [id, count] of goldCounts) {
    const found = Math.min(count, inStoryCounts.get(id) ?? 0);
    goldMentions += count;
    goldMentionsMarked += found;
    if (found < count && missed.length < 8) missed.push(`${id} ${found}/${count}`);
  }
  return { goldMentions, goldMentionsMarked, marks, marksInStory, strays, missed };
}

(globalThis as { __firewallLensQuality?: unknown }).__firewallLensQuality = { measureQuality };
