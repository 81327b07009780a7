import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrivacyPage } from '../../../entrypoints/privacy/PrivacyPage';
import { parsePolicy, parseSpans } from '../../../entrypoints/privacy/policy-blocks';

const POLICY = readFileSync(join(import.meta.dirname, '../../../PRIVACY.md'), 'utf8');

describe('the policy as blocks', () => {
  it('reads headings, paragraphs joined across lines, and lists whose items wrap', () => {
    expect(
      parsePolicy(
        '# Title\n\nOne line\nand the next.\n\n## Part\n\n- first\n  wrapped\n- second\n',
      ),
    ).toEqual([
      { kind: 'heading', level: 1, spans: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', spans: [{ kind: 'text', text: 'One line and the next.' }] },
      { kind: 'heading', level: 2, spans: [{ kind: 'text', text: 'Part' }] },
      {
        kind: 'list',
        items: [[{ kind: 'text', text: 'first wrapped' }], [{ kind: 'text', text: 'second' }]],
      },
    ]);
  });

  it('ends a list at a line that is not indented, and a paragraph at a list', () => {
    expect(parsePolicy('- item\nafter\n').map((b) => b.kind)).toEqual(['list', 'paragraph']);
    expect(parsePolicy('before\n- item\n').map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });

  it('reads code and strong spans, code first, and keeps Windows line ends out', () => {
    expect(parseSpans('in `storage.sync`, **only** `a**b`')).toEqual([
      { kind: 'text', text: 'in ' },
      { kind: 'code', text: 'storage.sync' },
      { kind: 'text', text: ', ' },
      { kind: 'strong', text: 'only' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'a**b' },
    ]);
    expect(parsePolicy('a\r\nb\r\n')).toEqual([
      { kind: 'paragraph', spans: [{ kind: 'text', text: 'a b' }] },
    ]);
  });

  it('shows what it does not understand as text instead of dropping it', () => {
    expect(parsePolicy('| a | b |\n\n[link](x)')).toEqual([
      { kind: 'paragraph', spans: [{ kind: 'text', text: '| a | b |' }] },
      { kind: 'paragraph', spans: [{ kind: 'text', text: '[link](x)' }] },
    ]);
  });
});

describe('the privacy page', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('shows all of PRIVACY.md with no Markdown syntax left over', () => {
    render(<PrivacyPage blocks={parsePolicy(POLICY)} />, container);
    const headings = [...container.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Firewall Lens privacy policy',
      'What it reads',
      'What it stores, and where',
      'How to delete it',
      'Permissions',
      'Changes',
    ]);
    const text = container.querySelector('article')?.textContent ?? '';
    expect(text).toContain('No data leaves your browser');
    expect(text).not.toMatch(/`|\*\*|^#|\]\(/m);
    // Every character of the file but its Markdown is on the page, in order.
    const markdown = POLICY.replace(/^#+ |^\s*- /gm, '').replace(/`|\*\*/g, '');
    expect(text.replace(/\s+/g, '')).toBe(markdown.replace(/\s+/g, ''));
  });

  it('marks the policy as English and says so in the interface language', () => {
    render(<PrivacyPage blocks={parsePolicy(POLICY)} />, container);
    expect(container.querySelector('article')?.getAttribute('lang')).toBe('en');
    expect(container.querySelector('.privacy__note')?.textContent).toContain('works offline');
  });
});
