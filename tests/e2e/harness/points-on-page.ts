/** Where on screen a reader would point at something; the functions run inside the page. */

export interface Point {
  x: number;
  y: number;
}

/**
 * Runs in the page: the middle of the first occurrence of `text` inside the element with id
 * `elementId`, scrolled into view first (WebDriver cannot move the pointer outside the viewport).
 * Reads the text itself, so it works whether or not the word is marked.
 */
export function pointOnText({
  elementId,
  text,
}: {
  elementId: string;
  text: string;
}): Point | null {
  const root = document.getElementById(elementId);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    (node.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getClientRects()[0];
    if (!rect) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}
