/**
 * What both browsers' card tests share: functions that run inside the fixture page (each
 * self-contained, since the driver sends its source text) and the facts the cards must show.
 */
import { resolve } from 'node:path';
import glossaryJson from '../../data/glossary.json';
import type { Glossary } from '../../utils/glossary-types';
import { REPO_ROOT } from './harness/paths';

const glossary = glossaryJson as Glossary;

export const AXE_PATH = resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
export const SOURCE_TITLE = 'Second World Internet Conference Concludes';
/** The settings' default show delay; the fixture profile keeps the defaults. */
export const HOVER_DELAY_MS = 300;

export function quotesOf(id: string): string[] {
  return glossary.entries.find((entry) => entry.id === id)?.quotes.map((quote) => quote.text) ?? [];
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The middle of the first occurrence of `text` inside the element with id `elementId`, scrolled
 * into view first (WebDriver cannot move the pointer outside the viewport).
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

export interface CardSnapshot {
  cardId: string | null;
  label: string;
  labelledBy: string;
  category: string;
  quote: string;
  cite: string;
  related: string[];
  summaryFontSize: string;
  rootFontSize: string;
  focusedInside: boolean;
  hostStyle: string;
}

/** The open inline card as the page could read it through the (open) shadow root, or null. */
export function readCard(): CardSnapshot | null {
  const host = document.querySelector('firewall-lens-ui');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!host || !dialog) return null;
  const text = (selector: string) => dialog.querySelector(selector)?.textContent?.trim() ?? '';
  const labelledBy = dialog.getAttribute('aria-labelledby') ?? '';
  return {
    cardId: dialog.getAttribute('data-card-id'),
    label: text('.fl-card__label'),
    labelledBy: host.shadowRoot?.getElementById(labelledBy)?.textContent ?? '',
    category: text('.fl-card__category'),
    quote: text('blockquote'),
    cite: text('cite'),
    related: [...dialog.querySelectorAll('.fl-card__related button')].map(
      (button) => button.textContent ?? '',
    ),
    summaryFontSize: getComputedStyle(dialog.querySelector('.fl-card__summary') as Element)
      .fontSize,
    rootFontSize: getComputedStyle(dialog).fontSize,
    focusedInside: document.activeElement === host && host.shadowRoot?.activeElement !== null,
    hostStyle: host.getAttribute('style') ?? '',
  };
}

/**
 * Starts a stopwatch in the page: the time of the last pointer move, and the first animation
 * frame in which a card is in the DOM. Read it with `readStopwatch`.
 */
export function startStopwatch(): void {
  const state = { move: 0, shown: 0 };
  (window as unknown as { __cardStopwatch: typeof state }).__cardStopwatch = state;
  document.addEventListener(
    'pointermove',
    () => {
      state.move = performance.now();
    },
    { capture: true },
  );
  const tick = () => {
    const dialog = document
      .querySelector('firewall-lens-ui')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    if (dialog) state.shown = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function readStopwatch(): { move: number; shown: number } {
  return (window as unknown as { __cardStopwatch: { move: number; shown: number } })
    .__cardStopwatch;
}

/** Runs axe-core (injected by the test) on the card's shadow tree only. */
export async function axeViolationsInCard(): Promise<
  { id: string; impact: string; nodes: number }[]
> {
  const axe = (
    window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
    }
  ).axe;
  const results = await axe.run(
    { include: [['firewall-lens-ui']] },
    { resultTypes: ['violations'] },
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.length,
  }));
}

/**
 * Gives the page a strict style CSP from now on, as many news sites have: a `<style>` element
 * added to the page (or to a shadow root in it) would be ignored.
 */
export function forbidPageStyles(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'none'";
  document.head.append(meta);
}

/** Whether the page's CSP now blocks a `<style>` element (proves `forbidPageStyles` took hold). */
export function pageStyleElementsBlocked(): boolean {
  const probe = document.createElement('p');
  probe.id = 'csp-probe';
  document.body.append(probe);
  const style = document.createElement('style');
  style.textContent = '#csp-probe { outline-width: 7px; outline-style: solid; }';
  document.head.append(style);
  const blocked = getComputedStyle(probe).outlineWidth !== '7px';
  style.remove();
  probe.remove();
  return blocked;
}

/** Computed spacing of the card's summary, to check page rules aimed at every element miss it. */
export function cardSummarySpacing(): { lineHeight: string; letterSpacing: string } | null {
  const summary = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('.fl-card__summary');
  if (!summary) return null;
  const style = getComputedStyle(summary);
  return { lineHeight: style.lineHeight, letterSpacing: style.letterSpacing };
}

/** The middle of the open card, for moving the pointer into it. */
export function cardCenter(): Point | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const rect = dialog.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** What the reader page highlighted, once it has rendered. */
export function readReaderPage(): { marks: string[]; title: string; focused: boolean } | null {
  const article = document.querySelector('article');
  if (!article) return null;
  const marks = [...document.querySelectorAll('mark')];
  return {
    marks: marks.map((mark) => mark.textContent ?? ''),
    title: document.querySelector('h1')?.textContent ?? '',
    focused: marks.length > 0 && document.activeElement === marks[0],
  };
}

/** The middle of the card's "Read in context" control, scrolled into view inside the card. */
export function readInContextCenter(): Point | null {
  const button = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('.fl-card__reader');
  if (!button) return null;
  // A long card scrolls inside its own capped height.
  button.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
