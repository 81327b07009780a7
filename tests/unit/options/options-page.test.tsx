import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DataStatus } from '../../../common/protocol';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../../../common/settings';
import { loadSettings } from '../../../common/settings-store';
import { Options } from '../../../entrypoints/options/Options';
import { queriesWithin, type } from '../support/queries';
import { storeSettings } from '../support/store-settings';
import { waitFor } from '../support/wait-for';

let container: HTMLElement;
const { queryByRole, getByRole } = queriesWithin(() => container);

async function stored(): Promise<Settings> {
  return loadSettings();
}

function answerBackground(status: DataStatus, afterReseed: DataStatus): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type } = message as { type: string };
    if (type === 'data-status') return Promise.resolve({ ok: true, value: status });
    if (type === 'reseed') return Promise.resolve({ ok: true, value: afterReseed });
    return undefined;
  });
}

async function renderOptions(): Promise<void> {
  render(<Options />, container);
  await waitFor(() => getByRole('switch', 'Enable Firewall Lens'));
}

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the options page', () => {
  beforeEach(() => {
    answerBackground(
      { cardCount: 12, dataVersion: 'x', cacheProblem: null },
      { cardCount: 30, dataVersion: 'y', cacheProblem: null },
    );
  });

  it('links the privacy policy bundled with the extension, opened in a tab of its own', async () => {
    await renderOptions();
    const link = getByRole('link', 'Read the privacy policy') as HTMLAnchorElement;
    // A path inside the extension: the page makes no request of its own to show the policy.
    expect(link.getAttribute('href')).toBe('/privacy.html');
    expect(link.target).toBe('_blank');
  });

  it('switches Firewall Lens off and on', async () => {
    await renderOptions();
    const toggle = getByRole('switch', 'Enable Firewall Lens');
    expect(toggle.getAttribute('aria-checked')).toBe('true');

    toggle.click();
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    await waitFor(async () => expect((await stored()).enabled).toBe(false));

    toggle.click();
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    await waitFor(async () => expect((await stored()).enabled).toBe(true));
  });

  it('adds a site to the off list, normalised', async () => {
    await renderOptions();
    type(getByRole('textbox', 'Add a site'), 'https://News.Example.com/world');
    getByRole('button', 'Add to sites where it is off').click();

    await waitFor(() => getByRole('button', 'Remove news.example.com'));
    await waitFor(async () => expect((await stored()).disabledSites).toEqual(['news.example.com']));
    expect((getByRole('textbox', 'Add a site') as HTMLInputElement).value).toBe('');
  });

  it('explains junk instead of adding it', async () => {
    await renderOptions();
    const input = container.querySelectorAll<HTMLInputElement>('input[type="text"]')[1];
    if (!input) throw new Error('no second site input');
    type(input, 'not a site');
    getByRole('button', 'Add to sites where it is on').click();

    const error = await waitFor(() => {
      const alert = container.querySelector('[role="alert"]');
      if (!alert) throw new Error('no error shown');
      return alert;
    });
    expect(error.textContent).toMatch(/not a site address/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect((await stored()).enabledSites).toEqual([]);
    expect(await fakeBrowser.storage.sync.get(SETTINGS_KEY)).toEqual({});

    type(input, 'example.org');
    await waitFor(() => expect(container.querySelector('[role="alert"]')).toBeNull());
  });

  it('refuses a site that is already listed', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['example.com'] });
    await renderOptions();
    type(getByRole('textbox', 'Add a site'), 'EXAMPLE.com');
    getByRole('button', 'Add to sites where it is off').click();
    await waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'example.com is already in this list.',
      ),
    );
    expect(container.querySelectorAll('.hosts li')).toHaveLength(1);
  });

  it('removes a site', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['example.com', 'b.org'] });
    await renderOptions();
    getByRole('button', 'Remove example.com').click();
    await waitFor(() => expect(queryByRole('button', 'Remove example.com')).toBeNull());
    expect(queryByRole('button', 'Remove b.org')).not.toBeNull();
    await waitFor(async () => expect((await stored()).disabledSites).toEqual(['b.org']));
  });

  it('turns a category off', async () => {
    await renderOptions();
    for (const label of [
      'Censorship systems',
      'Circumvention',
      'Blocked platforms',
      'Policy',
      'Domestic platforms',
      'Events',
    ]) {
      expect((getByRole('checkbox', label) as HTMLInputElement).checked).toBe(true);
    }
    getByRole('checkbox', 'Policy').click();
    await waitFor(async () => expect((await stored()).categories.policy).toBe(false));
    expect((await stored()).categories.event).toBe(true);
  });

  it('saves where to mark, the mark style, which mentions and stealth mode', async () => {
    await renderOptions();
    getByRole('radio', 'Only on sites I list').click();
    getByRole('radio', 'Background').click();
    getByRole('radio', 'Only the first mention of each term').click();
    getByRole('checkbox', 'Stealth mode').click();
    await waitFor(async () =>
      expect(await stored()).toMatchObject({
        siteDefault: 'off',
        markStyle: 'background',
        markMode: 'first',
        stealth: true,
      }),
    );
  });

  it('shows the hover delay while it moves and saves it when released', async () => {
    await renderOptions();
    const slider = getByRole('slider', 'Delay before a card opens') as HTMLInputElement;
    expect(container.querySelector('output')?.textContent).toBe('300 ms');
    slider.value = '800';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(container.querySelector('output')?.textContent).toBe('800 ms'));
    expect((await stored()).hoverDelayMs).toBe(300);
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(async () => expect((await stored()).hoverDelayMs).toBe(800));
  });

  it('follows changes made elsewhere', async () => {
    await renderOptions();
    await storeSettings({ ...defaultSettings(), enabled: false, disabledSites: ['elsewhere.org'] });
    await waitFor(() =>
      expect(getByRole('switch', 'Enable Firewall Lens').getAttribute('aria-checked')).toBe(
        'false',
      ),
    );
    expect(queryByRole('button', 'Remove elsewhere.org')).not.toBeNull();
  });

  it('shows the card cache status and re-seeds it', async () => {
    await renderOptions();
    const values = () =>
      [...container.querySelectorAll('.data-status dd')].map((dd) => dd.textContent);
    await waitFor(() => expect(values()).toEqual(['12', 'x']));

    getByRole('button', 'Clear and re-seed the card cache').click();
    const status = container.querySelector('.status-line');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() =>
      expect(status?.textContent).toBe('Card cache re-seeded: 30 cards, data version y.'),
    );
    expect(values()).toEqual(['30', 'y']);
  });

  it('has no accessibility violations axe can find without layout', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['example.com'] });
    await renderOptions();
    await waitFor(() => getByRole('button', 'Remove example.com'));
    const results = await axe.run(container, {
      // Contrast needs real layout and colours; the theme's contrast is chosen in tokens.css.
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

describe('the options page without a background', () => {
  it('says the card cache could not be read', async () => {
    await renderOptions();
    await waitFor(() =>
      expect(container.querySelector('.status-line')?.textContent).toMatch(
        /^Could not read the card cache: .+\.$/,
      ),
    );
  });

  it('says re-seeding failed', async () => {
    await renderOptions();
    getByRole('button', 'Clear and re-seed the card cache').click();
    await waitFor(() =>
      expect(container.querySelector('.status-line')?.textContent).toMatch(/^Re-seeding failed: /),
    );
  });

  it('still saves settings', async () => {
    await renderOptions();
    getByRole('switch', 'Enable Firewall Lens').click();
    await waitFor(async () => expect((await stored()).enabled).toBe(false));
  });
});

describe('the options page when the browser gives the cache no storage', () => {
  it('says the cache is unavailable and that the cards come from the built-in copy', async () => {
    const problem = {
      cardCount: 4,
      dataVersion: 'x',
      cacheProblem: 'MissingAPIError: IndexedDB API missing',
    };
    answerBackground(problem, problem);
    await renderOptions();
    const alert = await waitFor(() => {
      const found = container.querySelector('[role="alert"]');
      expect(found).not.toBeNull();
      return found as Element;
    });
    expect(alert.textContent).toBe(
      "The card cache is unavailable (MissingAPIError: IndexedDB API missing): cards come from the copy built into the extension, and your own terms wait until the browser's storage works again. Nothing you saved is deleted.",
    );
  });

  it('says nothing of the kind while the cache works', async () => {
    answerBackground(
      { cardCount: 12, dataVersion: 'x', cacheProblem: null },
      { cardCount: 12, dataVersion: 'x', cacheProblem: null },
    );
    await renderOptions();
    await waitFor(() => expect(container.querySelector('.data-status dd')?.textContent).toBe('12'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
