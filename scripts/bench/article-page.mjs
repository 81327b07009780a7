/**
 * The bundled article (data/sources/*.txt: a title line, then one paragraph per line) rendered as
 * a news page, so the bench measures the page the extension's own context cards quote from.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_ARTICLE_PATH } from '../lib/paths.mjs';
import { escapeHtml, htmlDocument, siteFooter, siteHeader } from './page-shell.mjs';

/** The bundled article's page, as the bench, its tools and the demo serve it. */
export function bundledArticlePage() {
  return renderArticlePage(readFileSync(BUNDLED_ARTICLE_PATH, 'utf8'));
}

export function renderArticlePage(sourceText) {
  const [title = '', ...paragraphs] = sourceText.split('\n').map((line) => line.trim());
  const body = paragraphs
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return htmlDocument({
    title,
    body: `${siteHeader('The Daily Wire Service')}
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By a staff reporter · <time datetime="2015-12-16">16 December 2015</time></p>
${body}
</article>
<aside aria-label="Related"><h2>Related</h2><ul><li><a href="/a">Internet governance, explained</a></li><li><a href="/b">Who runs the web?</a></li></ul></aside>
</main>
${siteFooter('The Daily Wire Service')}`,
  });
}
