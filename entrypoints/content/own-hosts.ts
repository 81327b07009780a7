/**
 * Every UI host this content script created, whatever its name: a stealth host's name is random,
 * so code that must recognise our element (the scanner's mutation filter) asks `isUiHost`. Kept
 * apart from `card/ui-host.ts` so the marking core does not pull in the card and its stylesheet.
 */
const ownHosts = new WeakSet<Node>();

export function registerUiHost(element: Element): void {
  ownHosts.add(element);
}

export function isUiHost(node: Node | null | undefined): boolean {
  return node != null && ownHosts.has(node);
}
