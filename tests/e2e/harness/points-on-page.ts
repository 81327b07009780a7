/** Where on screen a reader would point at something; the functions run inside the page. */

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PointOnText extends Point {
  /** The line boxes of the text, in viewport coordinates, measured after scrolling. */
  lines: Box[];
}

/**
 * How to scroll before measuring: `element` centres the text's element (WebDriver cannot move the
 * pointer outside the viewport); `center` puts the text's first line at the viewport's middle;
 * `bottom` puts it 24 px above the viewport's bottom edge; `keep` does not scroll.
 */
export type TextScroll = 'element' | 'center' | 'bottom' | 'keep';

/**
 * Runs in the page: the middle of line `line` (the last line when there are fewer) of the first
 * occurrence of `text` inside the element with id `elementId`, after scrolling as `scroll` says,
 * with all the text's line boxes. Reads the text itself, so it works whether or not the word is
 * marked.
 */
export function pointOnText({
  elementId,
  text,
  scroll = 'element',
  line = 0,
}: {
  elementId: string;
  text: string;
  scroll?: TextScroll;
  line?: number;
}): PointOnText | null {
  const root = document.getElementById(elementId);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    if (scroll === 'element') {
      (node.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
    } else if (scroll !== 'keep') {
      const first = range.getBoundingClientRect();
      const target =
        scroll === 'center' ? window.innerHeight / 2 : window.innerHeight - 24 - first.height;
      window.scrollBy({ top: first.top - target, behavior: 'instant' });
    }
    const lines = [...range.getClientRects()]
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
    const chosen = lines[Math.min(line, lines.length - 1)];
    if (!chosen) return null;
    return {
      x: (chosen.left + chosen.right) / 2,
      y: (chosen.top + chosen.bottom) / 2,
      lines,
    };
  }
  return null;
}
