/**
 * PRIVACY.md as blocks the privacy page renders: the policy is written once, at the repository
 * root where the store listings link it, and bundled into the extension at build so the page
 * works offline and never drifts from the file. Only what that file uses is understood: `#`
 * headings, paragraphs, `- ` lists whose items may wrap onto indented lines, `code` and
 * **strong** spans. Anything else stays visible as the text it is, never dropped.
 */

export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string };

export type PolicyBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; items: Span[][] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const LIST_ITEM = /^[-*]\s+(.*)$/;
const CONTINUATION = /^\s{2,}\S/;
// `code` first: a ** inside a code span is code.
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*/g;

export function parseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) spans.push({ kind: 'text', text: text.slice(at, match.index) });
    if (match[1] !== undefined) spans.push({ kind: 'code', text: match[1] });
    else spans.push({ kind: 'strong', text: match[2] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) spans.push({ kind: 'text', text: text.slice(at) });
  return spans;
}

export function parsePolicy(markdown: string): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join(' ')) });
      paragraph = [];
    }
    if (items.length > 0) {
      blocks.push({ kind: 'list', items: items.map(parseSpans) });
      items = [];
    }
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, spans: parseSpans((heading[2] ?? '').trim()) });
    } else if (item) {
      if (paragraph.length > 0) flush();
      items.push((item[1] ?? '').trim());
    } else if (items.length > 0 && CONTINUATION.test(line)) {
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      if (items.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
