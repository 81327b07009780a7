/**
 * The bench's long-story page: every gold article of the Readability corpus
 * (`../shared/corpus/readability-expected/*.html`, Readability's own extraction of each page), one
 * after another inside one `<article>`, repeated until the text reaches `minChars` (4M characters
 * by default; one pass over the 130 articles is about 1.36M). A story this long is what a reader
 * mode and our detector must handle without costing more than reading the text: the whole page is
 * story, so nearly every mention in it must be marked.
 *
 * Real prose from many sites (English, Chinese, Czech, Japanese…), with the markup those sites use
 * inside a story: figures and captions, tables, lists, block quotes, nested `<article>`s. Fetching
 * attributes (`src`, `srcset`, `poster`) are renamed so the page loads nothing, and the gold
 * articles' shared id is dropped.
 *
 *   import { buildLongStoryPage } from './long-story-page.mjs';
 *   const { html, chars, articles, passes } = buildLongStoryPage();
 *
 * Run directly to write the page to a file: node scripts/bench/long-story-page.mjs out.html
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READABILITY_EXPECTED_DIR } from '../lib/paths.mjs';
import { escapeHtml, htmlDocument, siteFooter, siteHeader } from './page-shell.mjs';

export const LONG_STORY_MIN_CHARS = 4_000_000;

/** The bench serves it here (bench.mjs, ab.mjs and the user-terms runs alike). */
export const LONG_STORY_PATH = '/__bench/long-story.html';

/** Text characters of an HTML fragment, as the DOM will count them (entities are one each). */
export function estimateTextChars(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, '&').length;
}

/** A gold article ready to sit beside the others: no shared id, nothing that fetches. */
function prepareArticle(html, name) {
  return html
    .replace(/^\s*<div id="readability-page-1" class="page">/, () => {
      return `<div class="page" data-source="${escapeHtml(name)}">`;
    })
    .replace(/(<[a-z][^>]*?\s)(src|srcset|poster)=/gi, '$1data-bench-$2=');
}

/**
 * @param {{ expectedDir?: string, minChars?: number }} [options]
 * @returns {{ html: string, chars: number, articles: number, passes: number }}
 *   `chars`: the estimated text characters of the story (the bench counts the real ones);
 *   `articles`: gold articles per pass.
 */
export function buildLongStoryPage({
  expectedDir = READABILITY_EXPECTED_DIR,
  minChars = LONG_STORY_MIN_CHARS,
} = {}) {
  const names = readdirSync(expectedDir)
    .filter((name) => name.endsWith('.html'))
    .sort();
  if (names.length === 0) throw new Error(`no gold articles in ${expectedDir}`);
  const pass = names.map((name) =>
    prepareArticle(readFileSync(join(expectedDir, name), 'utf8'), name),
  );
  const passChars = pass.reduce((sum, html) => sum + estimateTextChars(html), 0);
  if (passChars === 0) throw new Error(`the gold articles in ${expectedDir} hold no text`);
  const passes = Math.max(1, Math.ceil(minChars / passChars));
  const parts = [];
  for (let i = 0; i < passes; i++) parts.push(...pass);
  const title = 'One long read: every story of the corpus, end to end';
  const html = htmlDocument({
    title,
    body: `${siteHeader('The Long Read')}
<main>
<article class="long-story">
<h1>${escapeHtml(title)}</h1>
<p class="byline">By the bench · ${names.length} stories, ${passes} times over</p>
${parts.join('\n')}
</article>
</main>
${siteFooter('The Long Read')}`,
  });
  return { html, chars: passChars * passes, articles: names.length, passes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/bench/long-story-page.mjs OUT.html');
  const page = buildLongStoryPage();
  writeFileSync(out, page.html);
  console.log(
    `${out}: ${page.articles} articles × ${page.passes}, ~${page.chars.toLocaleString('en')} characters`,
  );
}
