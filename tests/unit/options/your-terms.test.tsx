import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { UserTerm } from '../../../common/user-terms';
import type { GlossaryDatabase } from '../../../entrypoints/background/db';
import { respond } from '../../../entrypoints/background/listeners';
import { listUserTerms } from '../../../entrypoints/background/user-term-store';
import { YourTerms } from '../../../entrypoints/options/YourTerms';
import { extensionPage } from '../../fixtures/background/senders';
import { backgroundContext, freshDatabase } from '../../fixtures/background/test-database';
import { queriesWithin, type } from '../support/queries';
import { waitFor } from '../support/wait-for';

let container: HTMLElement;
let db: GlossaryDatabase;
const { getByRole, queryByRole } = queriesWithin(() => container);

/** The options page talks to the real background, over a fake database. */
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDatabase();
  const context = backgroundContext(db);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    respond(message, extensionPage('/options.html'), context),
  );
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function renderTerms(): Promise<void> {
  render(<YourTerms />, container);
  await waitFor(() =>
    expect(container.textContent).toContain('You have no terms of your own yet.'),
  );
}

/** A field by its visible label, textareas and selects included. */
function field(label: string): HTMLInputElement {
  const labelElement = [...container.querySelectorAll('label')].find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  const id = labelElement?.getAttribute('for');
  const element = id ? container.ownerDocument.getElementById(id) : null;
  if (!element) throw new Error(`no field labelled "${label}"`);
  return element as HTMLInputElement;
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  return ids
    .map((id) => container.ownerDocument.getElementById(id))
    .filter((element) => element?.classList.contains('fl-error'))
    .map((element) => element?.textContent ?? '')
    .join(' ');
}

function chooseFile(text: string, name = 'terms.json'): void {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Your terms on the options page', () => {
  it('says the terms stay on this device and export is how to move them', async () => {
    await renderTerms();
    expect(container.textContent).toContain('Your terms stay on this device');
    expect(container.textContent).toContain('export them to a file and import it there');
  });

  it('shows each error beside its field and saves nothing until the term is valid', async () => {
    await renderTerms();
    getByRole('button', 'Add a term').click();
    await waitFor(() => field('Label'));
    type(field('Label'), 'Plan X');
    type(field('Spellings, one per line'), 'Plan X');
    type(field('Link (optional)'), 'javascript:alert(1)');
    getByRole('button', 'Add term').click();

    await waitFor(() =>
      expect(errorOf(field('Link (optional)'))).toBe(
        'Only https:// and http:// links are allowed, not javascript:.',
      ),
    );
    expect(field('Link (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(field('Label').getAttribute('aria-invalid')).toBeNull();
    expect(await listUserTerms(db)).toEqual([]);

    type(field('Link (optional)'), 'https://example.org/plan');
    type(field('Note (shown on the card)'), 'Our codename.');
    getByRole('button', 'Add term').click();
    await waitFor(() =>
      expect(container.querySelector('.terms-status')?.textContent).toBe('Added “Plan X”.'),
    );
    expect(await listUserTerms(db)).toEqual([
      expect.objectContaining({
        label: 'Plan X',
        note: 'Our codename.',
        link: 'https://example.org/plan',
      }),
    ]);
  });

  it('asks before saving a spelling that would match nearly everything', async () => {
    await renderTerms();
    getByRole('button', 'Add a term').click();
    await waitFor(() => field('Label'));
    type(field('Label'), 'Letter X');
    type(field('Spellings, one per line'), 'X');
    getByRole('button', 'Add term').click();
    await waitFor(() =>
      expect(container.textContent).toContain('Confirm, or change the spelling, to save.'),
    );
    expect(await listUserTerms(db)).toEqual([]);
    getByRole('checkbox', 'Mark this spelling anyway').click();
    await waitFor(() =>
      expect(container.textContent).not.toContain('Confirm, or change the spelling'),
    );
    getByRole('button', 'Add term').click();
    await waitFor(async () =>
      expect((await listUserTerms(db)).map((term) => term.label)).toEqual(['Letter X']),
    );
  });

  it('warns when a spelling is hidden by a built-in one', async () => {
    await renderTerms();
    getByRole('button', 'Add a term').click();
    await waitFor(() => field('Label'));
    type(field('Spellings, one per line'), 'Firewall');
    await waitFor(() =>
      expect(container.querySelector('.term-warnings')?.textContent).toContain(
        '“Firewall” is hidden by “Great Firewall” (the built-in term “Great Firewall”)',
      ),
    );
  });

  it('imports nothing from a broken file and lists its errors by entry and field', async () => {
    await renderTerms();
    chooseFile(
      JSON.stringify({
        format: 'firewall-lens-terms',
        version: 1,
        terms: [
          { label: 'Fine', aliases: ['Fine term'] },
          { label: 'Broken', aliases: [''], note: '<script>alert(1)</script>' },
        ],
      }),
      'broken.json',
    );
    const alert = await waitFor(() => {
      const found = container.querySelector('.term-errors');
      if (!found) throw new Error('no error list');
      return found;
    });
    expect(alert.getAttribute('role')).toBe('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Entry 2, spellings: spelling 1 is empty',
      'Entry 2, note: the note must be plain text, not HTML',
    ]);
    expect(alert.textContent).toContain('Nothing was imported: “broken.json” has 2 problems.');
    expect(await listUserTerms(db)).toEqual([]);
  });

  it('asks whether a term with a known label replaces or is skipped', async () => {
    await renderTerms();
    chooseFile(
      JSON.stringify({
        format: 'firewall-lens-terms',
        version: 1,
        terms: [{ label: 'Plan X', aliases: ['Plan X'], note: 'first' }],
      }),
    );
    (await waitFor(() => getByRole('button', 'Import 1 term'))).click();
    await waitFor(() =>
      expect(container.querySelector('.terms-status')?.textContent).toBe(
        'Imported your terms: 1 added.',
      ),
    );
    expect((await listUserTerms(db)).map((t) => t.note)).toEqual(['first']);

    chooseFile(
      JSON.stringify({
        format: 'firewall-lens-terms',
        version: 1,
        terms: [
          { label: 'plan x', aliases: ['Plan X'], note: 'second' },
          { label: 'Telegram', aliases: ['Telegram'] },
        ],
      }),
    );
    (await waitFor(() => getByRole('radio', 'Keep mine and skip the file’s'))).click();
    // Preact renders the choice on its next tick; a reader cannot click faster than that.
    await new Promise((resolve) => setTimeout(resolve, 0));
    getByRole('button', 'Import 2 terms').click();
    await waitFor(() =>
      expect(container.querySelector('.terms-status')?.textContent).toBe(
        'Imported your terms: 1 added, 1 skipped.',
      ),
    );
    const terms: UserTerm[] = await listUserTerms(db);
    expect(terms.map((term) => [term.label, term.note])).toEqual([
      ['Plan X', 'first'],
      ['Telegram', ''],
    ]);
    expect(queryByRole('button', 'Import 2 terms')).toBeNull();
  });
});
