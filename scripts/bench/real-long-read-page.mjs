/**
 * The bench's real long read: one `<article>` holding the story subtrees of the Readability
 * corpus's pages as their sites wrote them (`../shared/corpus/readability/*.html`), drawn in a
 * seeded order until the text reaches `minChars` (5M characters by default).
 *
 * The long-story page (long-story-page.mjs) repeats Readability's gold extraction, which is the
 * story cleaned: its inline elements, link wrappers, figures and asides are mostly gone. A long
 * read a reader meets keeps them: the held-out page of issue #20 (5.19M characters, 666 mentions)
 * cost the detector 7.4x the floor where the long-story page costs 2.9x. This page has that
 * shape: each part is the element of a real page whose text best matches the gold article (an
 * F1 score over characters of text, below), copied with all its markup.
 *
 * Which element is the story: every text node of the source page (scripts and styles aside) that
 * also appears in the gold article's text counts for all its ancestors as story characters; the
 * element with the best F1 between its story characters and the gold's characters wins (the
 * deepest on a tie). Pages where no element reaches MIN_F1 (the gold is not one subtree) and
 * pages whose best element is the body are left out.
 *
 * Draws: seeded, from a bag holding each page once and each page whose story holds a mention
 * MENTION_WEIGHT times (23 of the 111 stories), so that the page has about the held-out page's
 * density of mentions (666 in 5.19M characters; all stories drawn alike give about 230); the bag
 * is drawn empty before it is refilled.
 *
 *   import { buildRealLongReadPage } from './real-long-read-page.mjs';
 *   const { html, chars, stories, draws } = buildRealLongReadPage();
 *
 * Run directly to write the page to a file (and print the parts' shape):
 *   node scripts/bench/real-long-read-page.mjs out.html
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { READABILITY_CORPUS_DIR, READABILITY_EXPECTED_DIR, REPO_ROOT } from '../lib/paths.mjs';
import { seededRandom } from '../lib/seeded-random.mjs';
import { estimateTextChars } from './long-story-page.mjs';
import { escapeHtml, htmlDocument, siteFooter, siteHeader } from './page-shell.mjs';

export const REAL_LONG_READ_MIN_CHARS = 5_000_000;
export const REAL_LONG_READ_PATH = '/__bench/real-long-read.html';
const SEED = 20;
const MENTION_WEIGHT = 6;
/** Below this F1 with the gold text the page's story is not one element: left out. */
const MIN_F1 = 0.8;
/** Text nodes shorter than this (after trimming) are too common to say where the story is. */
const MIN_MATCHED_TEXT = 12;
const GLOSSARY_PATH = join(REPO_ROOT, 'data/glossary.json');

/**
 * A rough mention test for the draw weights: any alias of the glossary, case aside (the bench
 * counts the real mentions with the matcher's own rules).
 */
function mentionTest() {
  const { entries } = JSON.parse(readFileSync(GLOSSARY_PATH, 'utf8'));
  const spellings = entries.flatMap((entry) => entry.aliases.map((alias) => alias.text.trim()));
  const escaped = spellings.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'i');
}

const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * A document of `html` in happy-dom, with nothing loaded or run. `<link>`s are dropped first:
 * happy-dom would preload them (and throws on a relative URL outside a page).
 */
function parse(html) {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html.replace(/<link\b[^>]*>/gi, ''));
  return window;
}

/** The visible text nodes below `root`, in document order. */
function textNodesOf(root) {
  const out = [];
  const visit = (node) => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child);
      else if (child.nodeType === 1 && !UNREAD.has(child.tagName)) visit(child);
    }
  };
  visit(root);
  return out;
}

/**
 * The source page's element whose text best matches the gold article, by F1 over characters.
 * @returns {{ element: Element, f1: number } | null}
 */
function storyElement(document, goldText) {
  const gold = normalise(goldText);
  const goldChars = gold.length;
  if (goldChars === 0) return null;
  const totals = new Map();
  const add = (element, chars, matched) => {
    const total = totals.get(element) ?? { chars: 0, matched: 0 };
    total.chars += chars;
    total.matched += matched;
    totals.set(element, total);
  };
  for (const text of textNodesOf(document.body)) {
    const data = normalise(text.data);
    if (data.length === 0) continue;
    const matched = data.length >= MIN_MATCHED_TEXT && gold.includes(data) ? data.length : 0;
    for (let element = text.parentElement; element !== null; element = element.parentElement) {
      add(element, data.length, matched);
    }
  }
  let best = null;
  for (const [element, { chars, matched }] of totals) {
    const f1 = (2 * matched) / (chars + goldChars);
    // Map order is the first text's ancestors innermost first: a tie keeps the deeper element.
    if (best === null || f1 > best.f1) best = { element, f1 };
  }
  return best;
}

/** A story subtree ready to sit beside the others: nothing that fetches. */
function prepareStory(html, name) {
  return `<!-- ${escapeHtml(name)} -->\n${html.replace(
    /(<[a-z][^>]*?\s)(src|srcset|poster|data)=/gi,
    '$1data-bench-$2=',
  )}`;
}

/**
 * Every corpus page's story subtree, by file name.
 * @returns {{ name: string, html: string, chars: number, f1: number, mentions: boolean }[]}
 */
export function extractStories({
  corpusDir = READABILITY_CORPUS_DIR,
  expectedDir = READABILITY_EXPECTED_DIR,
} = {}) {
  const names = readdirSync(expectedDir)
    .filter((name) => name.endsWith('.html'))
    .sort();
  const stories = [];
  const hasMention = mentionTest();
  for (const name of names) {
    const goldWindow = parse(readFileSync(join(expectedDir, name), 'utf8'));
    const goldText = goldWindow.document.body.textContent ?? '';
    goldWindow.happyDOM.close();
    const window = parse(readFileSync(join(corpusDir, name), 'utf8'));
    try {
      const best = storyElement(window.document, goldText);
      if (best === null || best.f1 < MIN_F1) continue;
      const tag = best.element.tagName;
      if (tag === 'BODY' || tag === 'HTML') continue;
      const html = prepareStory(best.element.outerHTML, name);
      stories.push({
        name,
        html,
        chars: estimateTextChars(html),
        f1: best.f1,
        mentions: hasMention.test(best.element.textContent ?? ''),
      });
    } finally {
      window.happyDOM.close();
    }
  }
  return stories;
}

/**
 * @param {{ corpusDir?: string, expectedDir?: string, minChars?: number }} [options]
 * @returns {{ html: string, chars: number, stories: number, draws: number,
 *   parts: { name: string, chars: number, f1: number }[] }}
 *   `chars`: the estimated text characters of the story (the bench counts the real ones);
 *   `stories`: distinct pages drawn from; `draws`: parts in the article.
 */
export function buildRealLongReadPage({
  corpusDir = READABILITY_CORPUS_DIR,
  expectedDir = READABILITY_EXPECTED_DIR,
  minChars = REAL_LONG_READ_MIN_CHARS,
} = {}) {
  const stories = extractStories({ corpusDir, expectedDir });
  if (stories.length === 0) throw new Error(`no story subtrees found in ${corpusDir}`);
  const random = seededRandom(SEED);
  let bag = [];
  const parts = [];
  let chars = 0;
  while (chars < minChars) {
    if (bag.length === 0) {
      bag = stories.flatMap((story) =>
        Array.from({ length: story.mentions ? MENTION_WEIGHT : 1 }, () => story),
      );
    }
    const [story] = bag.splice(Math.floor(random() * bag.length), 1);
    parts.push(story);
    chars += story.chars;
  }
  const title = 'One long read, as the web writes it';
  const html = htmlDocument({
    title,
    body: `${siteHeader('The Real Long Read')}
<main>
<article class="long-read">
<h1>${escapeHtml(title)}</h1>
<p class="byline">By the bench · ${parts.length} parts from ${stories.length} pages</p>
${parts.map((story) => story.html).join('\n')}
</article>
</main>
${siteFooter('The Real Long Read')}`,
  });
  return {
    html,
    chars,
    stories: stories.length,
    draws: parts.length,
    parts: stories.map(({ name, chars: c, f1 }) => ({ name, chars: c, f1 })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/bench/real-long-read-page.mjs OUT.html');
  const started = Date.now();
  const page = buildRealLongReadPage();
  writeFileSync(out, page.html);
  for (const part of page.parts) {
    console.log(
      `  ${part.name.padEnd(44)} ${String(part.chars).padStart(8)} chars  F1 ${part.f1.toFixed(2)}`,
    );
  }
  console.log(
    `${out}: ${page.draws} parts from ${page.stories} pages, ~${page.chars.toLocaleString('en')} characters (${Date.now() - started} ms)`,
  );
}
