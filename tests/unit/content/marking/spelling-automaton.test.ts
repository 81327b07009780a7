import { describe, expect, it } from 'vitest';
import {
  type AcceptSpan,
  SpellingAutomaton,
  WHITESPACE_UNITS,
} from '../../../../entrypoints/content/marking/spelling-automaton';
import { seededRandom } from '../../../../scripts/lib/seeded-random.mjs';

const anyText: AcceptSpan = () => true;

/** Every span `next` gives from the start, one after the other, as text. */
function spans(automaton: SpellingAutomaton, text: string, accept: AcceptSpan = anyText): string[] {
  const out: string[] = [];
  for (
    let span = automaton.next(text, 0, accept);
    span;
    span = automaton.next(text, span.end, accept)
  ) {
    out.push(text.slice(span.start, span.end));
  }
  return out;
}

describe('SpellingAutomaton', () => {
  it('reads as whitespace exactly the code units a RegExp \\s matches', () => {
    const matched: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (/\s/.test(String.fromCharCode(unit))) matched.push(unit);
    }
    expect([...WHITESPACE_UNITS].sort((a, b) => a - b)).toEqual(matched);
  });

  it('takes the leftmost span, then the longest there, and goes on after it', () => {
    const automaton = new SpellingAutomaton(['网络', '网络审查', '审查制度', '制度']);
    expect(spans(automaton, '关于网络审查制度的报道')).toEqual(['网络审查', '制度']);
    expect(spans(automaton, '审查制度')).toEqual(['审查制度']);
  });

  it('finds a span that starts inside a longer candidate which never completes', () => {
    const automaton = new SpellingAutomaton(['网络审查制度', '审查']);
    expect(spans(automaton, '网络审查的范围')).toEqual(['审查']);
    expect(spans(automaton, '网络审查制度')).toEqual(['网络审查制度']);
  });

  it('needs a word boundary at a Latin end, none beside Chinese', () => {
    const automaton = new SpellingAutomaton(['Tor', '翻墙']);
    expect(spans(automaton, 'Toronto, Tor. Toré 使用翻墙软件 Tor_x 9Tor')).toEqual([
      'Tor',
      'Tor',
      '翻墙',
    ]);
  });

  it('folds case, whitespace runs, apostrophes and hyphens as it reads', () => {
    const automaton = new SpellingAutomaton(['plan x', "it's", 'wi-fi']);
    expect(spans(automaton, 'PLAN\u00a0 \n X, It’s and Wi\u2011Fi')).toEqual([
      'PLAN\u00a0 \n X',
      'It’s',
      'Wi\u2011Fi',
    ]);
  });

  it('leaves the case rule to the caller, falling back to a shorter span it accepts', () => {
    const automaton = new SpellingAutomaton(['Plan', 'Plan X']);
    const text = 'plan x and Plan x';
    // As written only: "Plan X" is nowhere in the text, "Plan" is, once.
    const asWritten: AcceptSpan = (start, end) =>
      ['Plan', 'Plan X'].includes(text.slice(start, end));
    expect(spans(automaton, text, asWritten)).toEqual(['Plan']);
    // The span returned is the last one accepted: the matcher keeps its row from that call.
    let lastTaken = '';
    const recording: AcceptSpan = (start, end) => {
      const taken = asWritten(start, end);
      if (taken) lastTaken = text.slice(start, end);
      return taken;
    };
    const span = automaton.next(text, 0, recording);
    expect(span && text.slice(span.start, span.end)).toBe(lastTaken);
    expect(automaton.has(text, asWritten)).toBe(true);
    expect(automaton.has('plan x', (start, end) => 'plan x'.slice(start, end) === 'Plan')).toBe(
      false,
    );
  });

  it('agrees with a naive search on thousands of spellings over a large alphabet', () => {
    // 400 distinct characters: complete rows fit for only the first states, the rest are read
    // through their children and fail links.
    const rand = seededRandom(0xac_0001);
    const alphabet = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
    const pick = () => alphabet[Math.floor(rand() * 40) * (rand() < 0.5 ? 1 : 10)] ?? '一';
    const keys = new Set<string>();
    while (keys.size < 3000) {
      let key = '';
      for (let n = 2 + Math.floor(rand() * 3); n > 0; n--) key += pick();
      keys.add(key);
    }
    const automaton = new SpellingAutomaton(keys);
    const byLength = [...keys].sort((a, b) => b.length - a.length);
    const naive = (text: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < text.length; ) {
        const key = byLength.find((k) => text.startsWith(k, i));
        if (key === undefined) i++;
        else {
          out.push(key);
          i += key.length;
        }
      }
      return out;
    };
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let length = Math.floor(rand() * 60); length > 0; length--) text += pick();
      expect(spans(automaton, text), text).toEqual(naive(text));
    }
  });
});
