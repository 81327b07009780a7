/**
 * A reader's own terms end to end, written once for both browsers: a file imported on the options
 * page marks its term on an open page with a card of its own, an edit reaches the page live, the
 * export gives the file back, and a broken file changes nothing.
 */
import { expect, it } from 'vitest';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import { sendMessage } from './harness/extension-pages';
import type { PageHighlight } from './harness/highlights';
import type { PageDriver } from './harness/page-driver';
import { pointOnText } from './harness/points-on-page';
import { poll } from './harness/poll';
import { clickControl, ourHighlights, resetSettings, settledMarks } from './harness/settings-steps';

const PLAN_X_FILE = {
  format: 'firewall-lens-terms',
  version: 1,
  terms: [
    {
      label: 'Plan X',
      aliases: ['Plan X'],
      caseSensitive: true,
      category: 'user',
      note: 'Post it twice and hope one copy survives.',
      link: 'https://example.org/plan-x',
    },
  ],
};

/** Runs in the options page: hands `text` to the import's file input as a chosen file would. */
function chooseTermsFile({ text, name }: { text: string; name: string }): void {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input on the options page');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Runs in the options page: what the next download would save, caught at the link's click. */
function catchNextDownload(): void {
  const state = window as unknown as { __download?: Promise<{ name: string; text: string }> };
  const original = HTMLAnchorElement.prototype.click;
  state.__download = new Promise((resolve) => {
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = original;
      const { download, href } = this;
      void fetch(href)
        .then((response) => response.text())
        .then((text) => resolve({ name: download, text }));
    };
  });
}

function readDownload(): Promise<{ name: string; text: string }> | undefined {
  return (window as unknown as { __download?: Promise<{ name: string; text: string }> }).__download;
}

/** Runs in the options page: puts `text` into the field labelled `label` as if typed. */
function fillField({ label, text }: { label: string; text: string }): void {
  const labelElement = [...document.querySelectorAll('label')].find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  const field = labelElement?.htmlFor ? document.getElementById(labelElement.htmlFor) : null;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
    throw new Error(`no field labelled "${label}"`);
  }
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function pageText(selector: string): string {
  return document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Runs in the article: the open card's note, own line and link, or null. */
function readOwnCard(): {
  id: string;
  note: string;
  own: string;
  link: string;
  quote: boolean;
} | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  return {
    id: dialog.getAttribute('data-card-id') ?? '',
    note: dialog.querySelector('.fl-card__summary')?.textContent?.trim() ?? '',
    own: dialog.querySelector('.fl-card__own-note')?.textContent?.trim() ?? '',
    link: dialog.querySelector<HTMLAnchorElement>('.fl-card__link')?.href ?? '',
    quote: dialog.querySelector('blockquote') !== null,
  };
}

function rangesOf(highlights: PageHighlight[], name: string): string[] {
  return highlights.find((highlight) => highlight.name === name)?.ranges.map((r) => r.text) ?? [];
}

async function openCardOn(
  article: PageDriver,
  text: string,
): Promise<ReturnType<typeof readOwnCard>> {
  await article.bringToFront();
  await article.mouseMove(2, 2);
  const word = await article.evaluate(pointOnText, { elementId: 'decoys', text });
  if (!word) throw new Error(`"${text}" not found in the article`);
  await article.mouseMove(word.x, word.y);
  await article.mouseMove(word.x + 1, word.y);
  return poll(() => article.evaluate(readOwnCard), {
    timeout: 5_000,
    message: `a card on "${text}"`,
  });
}

export function userTermsTests<S extends BrowserSession>(launch: () => Promise<S>): void {
  const env = browserForSuite(launch, async ({ session, origin }) => {
    const article = await session.openPage(`${origin}/article.html`);
    const options = await session.openExtensionPage('options.html');
    await resetSettings(options);
    const before = await settledMarks(article);
    return { article, options, before };
  });

  it('imports a file, marks its term with its own card, edits it live, exports it, and a broken file changes nothing', async () => {
    const { article, options, before } = env();
    expect(rangesOf(before, 'firewall-lens-user'), 'nothing of the reader’s yet').toEqual([]);

    // Import.
    await options.bringToFront();
    await options.evaluate(chooseTermsFile, {
      text: JSON.stringify(PLAN_X_FILE),
      name: 'plan-x.json',
    });
    await clickControl(options, 'button', 'Import 1 term');
    await poll(
      async () =>
        (await options.evaluate(pageText, '.terms-status')) === 'Imported your terms: 1 added.',
      {
        timeout: 10_000,
        message: `the import to report one term added (${await options.evaluate(pageText, 'section[aria-labelledby="your-terms-heading"]')})`,
      },
    );

    // The open page marks it, without a reload, in its own style, and keeps every other mark.
    const marked = await poll(
      async () => {
        const now = await ourHighlights(article);
        return rangesOf(now, 'firewall-lens-user').length > 0 && now;
      },
      { timeout: 10_000, message: 'a "Your terms" mark in the open article' },
    );
    expect(rangesOf(marked, 'firewall-lens-user')).toEqual(['Plan X']);
    expect(marked.filter((h) => h.name !== 'firewall-lens-user')).toEqual(before);

    const card = await openCardOn(article, 'Plan X');
    expect(card).toMatchObject({
      id: expect.stringMatching(/^user:/),
      note: PLAN_X_FILE.terms[0]?.note,
      own: 'Your own term: you wrote this note.',
      link: 'https://example.org/plan-x',
      quote: false,
    });
    await article.keyPress('Escape');

    // Edit live: a new note.
    await options.bringToFront();
    await clickControl(options, 'button', 'Edit Plan X');
    await options.evaluate(fillField, {
      label: 'Note (shown on the card)',
      text: 'Renamed Plan Y last week.',
    });
    await clickControl(options, 'button', 'Save changes');
    await poll(
      async () => (await options.evaluate(pageText, '.terms-status')) === 'Saved “Plan X”.',
      { timeout: 10_000, message: 'the edit to be saved' },
    );
    // The page reloads its data and forgets the old card: the next card shows the new note.
    const edited = await poll(
      async () => {
        const shown = await openCardOn(article, 'Plan X');
        await article.keyPress('Escape');
        return shown?.note === 'Renamed Plan Y last week.' && shown;
      },
      { timeout: 15_000, message: 'the card to show the edited note' },
    );
    expect(edited.own).toBe('Your own term: you wrote this note.');

    // Export: the file holds the edited term and nothing of this profile's own.
    await options.bringToFront();
    await options.evaluate(catchNextDownload);
    await clickControl(options, 'button', 'Export your terms');
    const download = await poll(() => options.evaluate(readDownload), {
      timeout: 5_000,
      message: 'the export to be downloaded',
    });
    expect(download.name).toMatch(/^firewall-lens-terms-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(download.text);
    expect(exported).toMatchObject({ format: 'firewall-lens-terms', version: 1 });
    expect(exported.terms).toEqual([
      { ...PLAN_X_FILE.terms[0], note: 'Renamed Plan Y last week.' },
    ]);

    // A broken file: refused with its reasons, and nothing changes anywhere.
    const marksBefore = await ourHighlights(article);
    const termsBefore = await sendMessage(options, { type: 'user-terms' });
    await options.evaluate(chooseTermsFile, {
      name: 'broken.json',
      text: JSON.stringify({
        ...exported,
        terms: [
          { ...exported.terms[0], label: 'Other', aliases: ['Other plan'] },
          { label: 'Hostile', aliases: ['Hostile'], link: 'javascript:alert(1)' },
        ],
      }),
    });
    await poll(
      async () => (await options.evaluate(pageText, '.term-errors')).includes('Entry 2, link:'),
      { timeout: 5_000, message: 'the broken file’s errors' },
    );
    expect(await options.evaluate(pageText, '.term-errors')).toContain('Nothing was imported');
    expect(await sendMessage(options, { type: 'user-terms' })).toEqual(termsBefore);
    await new Promise((done) => setTimeout(done, 500));
    expect(await ourHighlights(article)).toEqual(marksBefore);
  });
}
