/**
 * Open shadow roots, read as part of their host (issue #24): a web component's story is what the
 * reader sees in the host's place, so it is judged and marked as the host's content. Closed roots
 * are out of reach (`element.shadowRoot` is null for them) and stay unread (docs/detection.md).
 *
 * Found without touching anything the page can see: no patched `attachShadow`, no attribute, no
 * global. Pure DOM reads, so happy-dom tests them.
 */
import { isUiHost } from '../own-hosts';

const DOCUMENT_FRAGMENT_NODE = 11;

interface ParentLike {
  readonly parentNode: ParentLike | null;
  readonly nodeType: number;
}

/** The host a node's parent stands for when the node is at the top of a shadow tree. */
export function hostAbove(node: { readonly parentNode?: unknown }): Element | null {
  const parent = node.parentNode as (ParentLike & { host?: Element }) | null | undefined;
  if (parent == null || parent.nodeType !== DOCUMENT_FRAGMENT_NODE) return null;
  return parent.host ?? null;
}

/** The element around a node in the composed tree: its parent, or the host of its shadow root. */
export function composedParent(node: Node): Element | null {
  return node.parentElement ?? hostAbove(node);
}

/** Whether `node` is `ancestor` or below it, shadow trees included. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode ?? hostAbove(n)) {
    if (n === ancestor) return true;
  }
  return false;
}

/** The open shadow root of an element, unless it is Firewall Lens' own UI host. */
export function openRootOf(element: Element): ShadowRoot | null {
  const root = element.shadowRoot;
  return root !== null && !isUiHost(element) ? root : null;
}

/**
 * Every open shadow root below `root` (and `root`'s own), nested ones included, outer roots
 * before the roots inside them. For added content and for a page whose light DOM shows no
 * mention: one native `querySelectorAll('*')` per tree, then one getter per element.
 */
export function openRootsIn(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const own = root.nodeType === DOCUMENT_FRAGMENT_NODE ? null : openRootOf(root as Element);
  if (own !== null) found.push(own);
  const trees: (Element | ShadowRoot)[] = own === null ? [root] : [root, own];
  for (let t = 0; t < trees.length; t++) {
    for (const element of (trees[t] as Element | ShadowRoot).querySelectorAll('*')) {
      const inner = openRootOf(element);
      if (inner !== null) {
        found.push(inner);
        trees.push(inner);
      }
    }
  }
  return found;
}
