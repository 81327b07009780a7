/**
 * A reader's own terms for the bench: `count` generated spellings, seeded and deterministic, shaped
 * like real ones (one or two capitalised or lower-case Latin words, a few ALL CAPS acronyms, one in
 * ten Chinese of two to four common characters), half of them matching case, all in "Your terms".
 * Some Chinese ones occur in the page's Chinese text, as a reader's would.
 */
import type { MatcherAlias } from '../../common/glossary-types';
import { seededRandom } from '../lib/seeded-random.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const HAN = '网络审查平台应用软件代理服务器封锁谷歌新闻自由安全技术公司市场发展政府媒体用户数据';

export function userSpellings(count: number, seed = 0x7e45): MatcherAlias[] {
  const rand = seededRandom(seed);
  const pick = (from: string) => from[Math.floor(rand() * from.length)] ?? 'a';
  const word = () => {
    let w = '';
    const length = 3 + Math.floor(rand() * 8);
    for (let i = 0; i < length; i++) w += pick(LETTERS);
    return w;
  };
  const out: MatcherAlias[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const kind = rand();
    let text: string;
    if (kind < 0.1) {
      text = '';
      const length = 2 + Math.floor(rand() * 3);
      for (let i = 0; i < length; i++) text += pick(HAN);
    } else if (kind < 0.15) {
      text = word()
        .slice(0, 2 + Math.floor(rand() * 3))
        .toUpperCase();
    } else {
      text = rand() < 0.35 ? `${word()} ${word()}` : word();
      if (rand() < 0.6) text = text.charAt(0).toUpperCase() + text.slice(1);
    }
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    const zh = kind < 0.1;
    out.push({
      text,
      id: `user:bench${Math.floor(out.length / 2)}`,
      category: 'user',
      case: zh || rand() < 0.5 ? 'exact' : 'insensitive',
      inflect: false,
      own: true,
    });
  }
  return out;
}
