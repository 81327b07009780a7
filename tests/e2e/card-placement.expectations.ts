/**
 * What both browsers' placement tests share: functions that run inside the fixture pages (each
 * self-contained, since the driver sends its source text) and the geometry the card must keep.
 */
import { expect } from 'vitest';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextSpec {
  elementId: string;
  text: string;
}

export interface PlacedText extends TextSpec {
  /** The line boxes of the text, in viewport coordinates. */
  lines: Box[];
  /** The middle of line `line` (the last line when there are fewer), for the pointer. */
  x: number;
  y: number;
}

/**
 * Finds `text` inside `#elementId`, scrolls the window (instantly) so that its first line sits at
 * `place` ('center', 'bottom': 24 px above the viewport's bottom edge, 'keep': no scrolling), and
 * returns its line boxes and the middle of line `line`.
 */
export function placeText({
  elementId,
  text,
  place,
  line = 0,
}: {
  elementId: string;
  text: string;
  place: 'center' | 'bottom' | 'keep';
  line?: number;
}): PlacedText | null {
  const root = document.getElementById(elementId);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const first = range.getBoundingClientRect();
    if (place !== 'keep') {
      const target =
        place === 'center' ? window.innerHeight / 2 : window.innerHeight - 24 - first.height;
      window.scrollBy({ top: first.top - target, behavior: 'instant' });
    }
    const lines = [...range.getClientRects()]
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
    const chosen = lines[Math.min(line, lines.length - 1)];
    if (!chosen) return null;
    return {
      elementId,
      text,
      lines,
      x: (chosen.left + chosen.right) / 2,
      y: (chosen.top + chosen.bottom) / 2,
    };
  }
  return null;
}

export interface CardBox extends Box {
  cardId: string | null;
  /** The line boxes of the text the card was asked about, measured with the card. */
  lines: Box[];
  /** The card's own writing direction. */
  direction: string;
  /** `tag#id` of the host's parent: `html`, or the fullscreen element. */
  hostParent: string;
  /** Whether the page's hit testing at the card's middle reaches our host (it is visible). */
  onTop: boolean;
  /** Whether the card's whole content (quote included) shows without scrolling inside it. */
  quoteVisible: boolean;
  viewportWidth: number;
  viewportHeight: number;
}

/**
 * Runs in the page: where the open card is (outside stealth its shadow root is open), or null;
 * with the line boxes of `about` measured at the same moment, so a late layout shift (a web font
 * arriving) cannot make the card and its mark disagree.
 */
export function readCardBox(about: TextSpec | null): CardBox | null {
  const host = document.querySelector('firewall-lens-ui');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!host || !dialog) return null;
  const lines: Box[] = [];
  const root = about && document.getElementById(about.elementId);
  if (about && root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && lines.length === 0; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(about.text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + about.text.length);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && rect.height > 0) {
          lines.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
        }
      }
    }
  }
  const rect = dialog.getBoundingClientRect();
  const parent = host.parentElement;
  const quote = dialog.querySelector('blockquote')?.getBoundingClientRect();
  return {
    cardId: dialog.getAttribute('data-card-id'),
    lines,
    left: rect.left,
    top: rect.top,
    right: rect.right,
    bottom: rect.bottom,
    direction: getComputedStyle(dialog).direction,
    hostParent: parent ? `${parent.localName}${parent.id ? `#${parent.id}` : ''}` : '',
    onTop:
      document.elementFromPoint((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2) ===
      host,
    quoteVisible:
      quote !== undefined && dialog.scrollTop === 0 && quote.bottom <= rect.bottom + 0.5,
    viewportWidth: document.documentElement.clientWidth,
    viewportHeight: document.documentElement.clientHeight,
  };
}

/** The card lies wholly inside the viewport. */
export function expectInsideViewport(card: CardBox): void {
  expect(card.left, 'card left edge').toBeGreaterThanOrEqual(0);
  expect(card.top, 'card top edge').toBeGreaterThanOrEqual(0);
  expect(card.right, 'card right edge').toBeLessThanOrEqual(card.viewportWidth);
  expect(card.bottom, 'card bottom edge').toBeLessThanOrEqual(card.viewportHeight);
}

/** How far the card keeps from its line (floating-ui's `offset`). */
export const CARD_GAP_PX = 6;

/** The card sits just below or just above the line it explains, without covering it. */
export function expectBesideLine(card: Box, line: Box): void {
  const where = `card ${JSON.stringify(card)}, mark ${JSON.stringify(line)}`;
  const below = Math.abs(card.top - (line.bottom + CARD_GAP_PX)) < 1;
  const above = Math.abs(card.bottom - (line.top - CARD_GAP_PX)) < 1;
  expect(below || above, `the card is not beside its line: ${where}`).toBe(true);
  const overlaps =
    card.left < line.right &&
    line.left < card.right &&
    card.top < line.bottom &&
    line.top < card.bottom;
  expect(overlaps, `the card covers its mark: ${where}`).toBe(false);
}
