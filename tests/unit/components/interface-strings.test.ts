/**
 * Every word the reader sees comes from public/_locales: this fails on text written straight into
 * the interface's code (JSX text, text attributes such as aria-label or placeholder, sentences in
 * strings) and on i18n calls whose message id or placeholders the English file does not have.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readLocale } from '../support/fake-i18n';

const ROOT = join(import.meta.dirname, '../../..');
/** Where the reader-facing code lives: shared components, the pages and the in-page card. */
const UI_DIRS = [
  'components',
  'entrypoints/popup',
  'entrypoints/options',
  'entrypoints/reader',
  'entrypoints/privacy',
];
const UI_EXTRA_DIRS = ['entrypoints/content/card'];

/** Attributes and props whose value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'description',
  'heading',
  'addLabel',
]);
/** Attributes whose value is code, not text. */
const CODE_ATTRIBUTES = new Set(['class', 'className', 'id', 'key', 'for', 'type', 'role', 'rel']);
/** Calls whose string arguments are selectors, event names, log lines or developer errors. */
const CODE_CALLS = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'addEventListener',
  'removeEventListener',
  'getElementById',
  'createElement',
  'setAttribute',
  'getAttribute',
  'hasAttribute',
  'removeAttribute',
  'Error',
  'TypeError',
  'RangeError',
  'warn',
  'error',
  'log',
  'info',
  'debug',
  'matchMedia',
  'setProperty',
  'getPropertyValue',
  'define',
]);
/** Two words of letters with a space between them: a phrase, in any script with spaces. */
const PHRASE = /\p{L}{2,}[ \u00a0]+\p{L}{2,}/u;
const LETTER = /\p{L}/u;
const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, path)] : [];
  });
}

function calleeName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function attributeName(node: ts.JsxAttribute): string {
  return node.name.getText();
}

/** Why a string literal is code, or undefined when it may be text for the reader. */
function isCode(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true;
    // Text attributes are reported as attributes, once.
    if (ts.isJsxAttribute(parent)) {
      const name = attributeName(parent);
      return CODE_ATTRIBUTES.has(name) || TEXT_ATTRIBUTES.has(name);
    }
    if (ts.isPropertyAssignment(parent) && parent.name === at) return true;
    if (
      ts.isPropertyAssignment(parent) &&
      ts.isIdentifier(parent.name) &&
      CODE_ATTRIBUTES.has(parent.name.text)
    ) {
      return true;
    }
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === at) return true;
    if (ts.isBinaryExpression(parent) && /=/.test(parent.operatorToken.getText())) {
      // `event.key === 'Escape'`: a comparison, not a label.
      if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return true;
    }
    if (ts.isCaseClause(parent)) return true;
    const callee = calleeName(parent);
    if (callee !== undefined)
      return CODE_CALLS.has(callee) || callee === 't' || callee === 'plural';
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

/** A template's pieces are judged by where the whole template stands. */
function enclosingLiteral(node: ts.Node): ts.Node {
  let at = node;
  while (!ts.isTemplateExpression(at) && at.parent && ts.isTemplateLiteralToken(node))
    at = at.parent;
  return at;
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

function findings(file: string): Finding[] {
  return findingsIn(file, parse(file, readFileSync(join(ROOT, file), 'utf8')));
}

function findingsIn(file: string, source: ts.SourceFile): Finding[] {
  const found: Finding[] = [];
  const report = (node: ts.Node, value: string) =>
    found.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: value.trim(),
    });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(attributeName(node))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && LETTER.test(value.text)) report(node, value.text);
    }
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      (PHRASE.test(node.text) || HAN.test(node.text)) &&
      !isCode(enclosingLiteral(node))
    ) {
      report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each `t('id', …)` and `plural('base', …)` call with a literal id, and what it passes. */
function messageCalls(file: string): { id: string; names: string[] | null; line: number }[] {
  const source = parse(file, readFileSync(join(ROOT, file), 'utf8'));
  const calls: { id: string; names: string[] | null; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const [first, second] = node.arguments;
      if ((name === 't' || name === 'plural') && first && ts.isStringLiteral(first)) {
        const id = name === 'plural' ? `${first.text}_other` : first.text;
        const names =
          name === 'plural'
            ? ['count']
            : second && ts.isObjectLiteralExpression(second)
              ? second.properties.map((property) => property.name?.getText() ?? '?').sort()
              : second
                ? null
                : [];
        calls.push({
          id,
          names,
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

const files = [...UI_DIRS, ...UI_EXTRA_DIRS].flatMap(sourceFiles);

describe('interface text', () => {
  it('scans the interface code', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'components/ContextCard.tsx',
        'entrypoints/popup/Popup.tsx',
        'entrypoints/options/Options.tsx',
        'entrypoints/reader/ReaderPage.tsx',
      ]),
    );
  });

  it('has no words written into components: they come from the message files', () => {
    const found = files.flatMap(findings).map(({ file, line, text }) => `${file}:${line} ${text}`);
    expect(found).toEqual([]);
  });

  it('catches the kinds of hard-coded text it is there for, and leaves code alone', () => {
    const sample = [
      'const a = <p>Loading the glossary…</p>;',
      'const b = <input aria-label="Search glossary" />;',
      "const c = <p>{'Read in context'}</p>;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe's source is a template.
      'const d = <p>{`No terms match ${q}`}</p>;',
      'const e = <p>术语表</p>;',
      'const f = <Switch label="Stealth" />;',
      'const ok = <p class="fl-card fl-card--inline">{t(\'cardRelated\')}</p>;',
      "const ok2 = document.querySelector('a[href], button');",
      "if (event.key === 'Escape') {}",
      "throw new Error('no such entry here');",
    ].join('\n');
    expect(findingsIn('probe.tsx', parse('probe.tsx', sample)).map((f) => f.line)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it('calls only message ids the English file has, with exactly their placeholders', () => {
    const english = readLocale('en');
    const problems: string[] = [];
    for (const file of [
      ...files,
      ...sourceFiles('common'),
      ...sourceFiles('entrypoints/background'),
    ]) {
      for (const call of messageCalls(file)) {
        const entry = english[call.id];
        if (!entry) {
          problems.push(`${file}:${call.line} no message ${call.id}`);
          continue;
        }
        const expected = Object.keys(entry.placeholders ?? {}).sort();
        if (call.names !== null && JSON.stringify(call.names) !== JSON.stringify(expected)) {
          problems.push(
            `${file}:${call.line} ${call.id} takes ${expected.join(', ') || 'nothing'}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
