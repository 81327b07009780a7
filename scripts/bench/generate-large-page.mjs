/**
 * A deterministic ~2 MB news page for the bench: thousands of paragraphs of news-like prose with
 * links and emphasis inside, section headings, asides, site navigation and footer, and mentions of
 * glossary terms at roughly one per 3,000 characters (about one sentence in 25), plus near misses
 * ("YouTuber", lower-case "great firewall") that a matcher has to reject. The same seed always gives
 * the same page, so runs on different days compare.
 *
 * Run directly to write the page to a file: node scripts/bench/generate-large-page.mjs out.html
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../lib/seeded-random.mjs';
import { escapeHtml, htmlDocument, siteFooter, siteHeader } from './page-shell.mjs';

export const LARGE_PAGE_SEED = 20261129;
export const LARGE_PAGE_TARGET_CHARS = 2_000_000;

const WORDS = `the of and to in a that for on is was with said by as at from it his an be
have has are were which but not this after they its their who been more had one year new also
would two first people government officials state will other about than when over there into
last up most some could market city country police company time percent week minister report
economy trade talks leaders security public million billion according president policy local
spokesman statement during while since against because between including under former told
agency region workers plan news court group national international foreign data services
companies industry prices growth rates bank energy project network online internet users digital
platform technology rules law officials regulators investors analysts election campaign votes
health schools families residents weather storm season border province capital factory exports
imports shipping ports tourism hotels airline flights council budget taxes reform debate meeting
summit agreement partners allies sanctions military defence navy coast islands media newspaper
television radio journalists editors sources documents records court judge lawyers trial ruling`
  .split(/\s+/)
  .filter(Boolean);

/** Mentions as a reporter would write them, inflections included. */
const MENTIONS = [
  'VPN',
  'VPNs',
  'a VPN',
  'Great Firewall',
  'the Great Firewall of China',
  'GFW',
  'Facebook',
  'Facebook’s',
  'Twitter',
  'Twitter’s',
  'YouTube',
  'Sina Weibo',
  'Weibo',
  'virtual private networks',
  'the World Internet Conference',
  'cyber sovereignty',
  'Internet sovereignty',
  'censorship in China',
  'Shanghai Free Trade Zone',
  'Wuzhen Summit',
];

/** Look like mentions, must not be marked. */
const NEAR_MISSES = ['YouTuber', 'Facebooking', 'great firewall', 'twitterati', 'VPNet', 'weibos'];

const CHINESE_SENTENCES = [
  '许多用户使用VPN翻墙访问境外网站。',
  '防火长城屏蔽了脸书、推特和优兔等平台。',
  '世界互联网大会在乌镇举行，网络主权成为讨论焦点。',
  '新浪微博是国内最受欢迎的社交媒体之一。',
  '市场分析人士表示，今年的经济增长速度有所放缓。',
  '当地政府宣布了新的交通规划，预计明年完工。',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function sentence(random) {
  const length = 8 + Math.floor(random() * 18);
  const words = [];
  for (let i = 0; i < length; i++) words.push(pick(random, WORDS));
  const roll = random();
  if (roll < 0.04) words.splice(Math.floor(random() * length), 0, pick(random, MENTIONS));
  else if (roll < 0.05) words.splice(Math.floor(random() * length), 0, pick(random, NEAR_MISSES));
  if (random() < 0.3) words[Math.floor(length / 2)] += ',';
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

/** Wraps a few words of a paragraph's text in a link or emphasis, as article bodies do. */
function withInlineMarkup(random, text) {
  const words = text.split(' ');
  const roll = random();
  if (roll > 0.5 || words.length < 12) return escapeHtml(text);
  const from = Math.floor(random() * (words.length - 5));
  const to = from + 2 + Math.floor(random() * 3);
  const tag = roll < 0.3 ? ['<a href="/story">', '</a>'] : ['<em>', '</em>'];
  return [
    escapeHtml(words.slice(0, from).join(' ')),
    ` ${tag[0]}${escapeHtml(words.slice(from, to).join(' '))}${tag[1]} `,
    escapeHtml(words.slice(to).join(' ')),
  ].join('');
}

export function generateLargePage({
  seed = LARGE_PAGE_SEED,
  targetChars = LARGE_PAGE_TARGET_CHARS,
} = {}) {
  const random = seededRandom(seed);
  const parts = [];
  let chars = 0;
  let paragraphs = 0;
  let storyOpen = false;
  while (chars < targetChars) {
    if (paragraphs % 40 === 0) {
      if (storyOpen) parts.push('</article>');
      const heading = sentence(random).replace(/[.,]/g, '');
      parts.push(`<article><h2>${escapeHtml(heading)}</h2>`);
      chars += heading.length;
      storyOpen = true;
      if (paragraphs % 200 === 0) {
        parts.push(
          `<aside aria-label="Related"><ul><li><a href="/r">${escapeHtml(sentence(random))}</a></li></ul></aside>`,
        );
      }
    }
    let text;
    if (random() < 0.02) {
      text = Array.from({ length: 3 }, () => pick(random, CHINESE_SENTENCES)).join('');
      parts.push(`<p lang="zh">${escapeHtml(text)}</p>`);
    } else {
      const count = 3 + Math.floor(random() * 4);
      text = Array.from({ length: count }, () => sentence(random)).join(' ');
      parts.push(`<p>${withInlineMarkup(random, text)}</p>`);
    }
    chars += text.length;
    paragraphs++;
  }
  if (storyOpen) parts.push('</article>');
  const html = htmlDocument({
    title: 'Archive: world news, all stories',
    body: `${siteHeader('The Long Archive')}
<main>
<h1>All stories</h1>
${parts.join('\n')}
</main>
${siteFooter('The Long Archive')}`,
  });
  return { html, paragraphs, chars };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'large-page.html';
  const { html, paragraphs, chars } = generateLargePage();
  writeFileSync(out, html);
  console.log(`${out}: ${paragraphs} paragraphs, ${chars} characters of text`);
}
