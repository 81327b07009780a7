/**
 * Code the sweep runs inside each page's main world (which sees the same DOM and, in Chromium, the
 * same `CSS.highlights` registry as the content script). Kept free of any import from the
 * extension: the exclusion rules are written again here, from the spec, so that a bug in the
 * scanner's own rules cannot hide itself.
 */

/**
 * Init script, run before the page's HTML is parsed: from DOMContentLoaded on (when the parser has
 * built the document), records every DOM mutation. Page scripts are blocked by CSP during the
 * sweep, so anything recorded comes from the extension.
 */
export function installMutationRecorder() {
  const state = { count: 0, samples: [] };
  Object.defineProperty(window, '__firewallLensSweep', { value: state });
  const describe = (node) => {
    if (!node) return 'null';
    if (node.nodeType === 3) return `#text "${(node.data ?? '').slice(0, 40)}"`;
    if (node.nodeType !== 1) return node.nodeName;
    const id = node.id ? `#${node.id}` : '';
    return `<${node.localName}${id}>`;
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const record of records) {
        state.count++;
        if (state.samples.length >= 10) continue;
        state.samples.push(
          [
            record.type,
            `on ${describe(record.target)}`,
            record.attributeName ? `attribute ${record.attributeName}` : '',
            record.addedNodes.length
              ? `added ${[...record.addedNodes].slice(0, 3).map(describe).join(', ')}`
              : '',
            record.removedNodes.length
              ? `removed ${[...record.removedNodes].slice(0, 3).map(describe).join(', ')}`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

/**
 * Our highlight names: `<random token>-<category>` (common/highlight-names.ts), or the fixed
 * `firewall-lens-` names of the self-test extension. Passed into pages as source text.
 */
export const OUR_HIGHLIGHT_PATTERN = '^([a-z][a-z0-9]{11}|firewall-lens)-';

/** Ranges registered under our highlight names, per name. */
export function countOurHighlights(pattern) {
  const ours = new RegExp(pattern);
  const counts = {};
  for (const [name, highlight] of CSS.highlights) {
    if (ours.test(name)) counts[name] = highlight.size;
  }
  return counts;
}

/**
 * Every one of our marks whose text sits where the extension must not mark: site navigation,
 * headers/footers and banner/navigation/contentinfo landmarks outside the article, form controls
 * and buttons, script/style/noscript/template, editable regions, aria-hidden subtrees. Also marks
 * whose range is broken (detached node, offsets out of bounds, empty).
 */
export function findBadMarks(pattern) {
  const ours = new RegExp(pattern);
  const ALWAYS = new Set([
    'nav',
    'button',
    'textarea',
    'input',
    'select',
    'script',
    'style',
    'noscript',
    'template',
  ]);
  const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo']);
  const isContent = (el) => {
    const role = el.getAttribute('role');
    return (
      el.localName === 'article' || el.localName === 'main' || role === 'main' || role === 'article'
    );
  };
  const excludedBy = (node) => {
    const chain = [];
    for (let el = node.parentElement; el; el = el.parentElement) chain.push(el);
    for (const [i, el] of chain.entries()) {
      const tag = el.localName;
      const role = el.getAttribute('role');
      if (ALWAYS.has(tag)) return `inside <${tag}>`;
      if (role && CHROME_ROLES.has(role)) return `inside role=${role}`;
      if (el.getAttribute('aria-hidden') === 'true') return 'inside aria-hidden="true"';
      const editable = el.getAttribute('contenteditable');
      if (editable !== null && editable.toLowerCase() !== 'false')
        return 'inside [contenteditable]';
      if ((tag === 'header' || tag === 'footer') && !chain.slice(i + 1).some(isContent)) {
        return `inside <${tag}> outside article/main`;
      }
    }
    return null;
  };
  const bad = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!ours.test(name)) continue;
    for (const range of highlight) {
      const node = range.startContainer;
      const end = range.endContainer;
      const text = node.nodeType === 3 ? node.data.slice(range.startOffset, range.endOffset) : '';
      let problem = null;
      if (!node.isConnected || !end.isConnected) problem = 'range on a detached node';
      else if (node.nodeType !== 3) problem = `range starts in a ${node.nodeName}, not text`;
      else if (range.collapsed || (end === node && range.endOffset > node.data.length)) {
        problem = 'empty or out-of-bounds range';
      } else problem = excludedBy(node) ?? (end === node ? null : excludedBy(end));
      if (problem) bad.push({ highlight: name, text, problem });
    }
  }
  return bad;
}
