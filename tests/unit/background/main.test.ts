/**
 * The background entry as the browser runs it: `main()` over the real bundled data and the global
 * IndexedDB. A stopped MV3 worker comes back as a fresh `main()` with no onInstalled event.
 */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Glossary } from '../../../common/glossary-types';
import type { CardView, DataStatus } from '../../../common/protocol';
import background from '../../../entrypoints/background';
import { BUNDLED_GLOSSARY } from '../../../entrypoints/background/bundled-data';
import { DATABASE_NAME, GlossaryDatabase } from '../../../entrypoints/background/db';
import { validateGlossary } from '../../../entrypoints/background/validate-glossary';
import { contentScript, deliver, extensionPage } from '../../fixtures/background/senders';

function validBundledGlossary(): Glossary {
  const result = validateGlossary(BUNDLED_GLOSSARY.glossary, BUNDLED_GLOSSARY.sources);
  if (!result.ok) throw new Error(`the bundled glossary is invalid:\n${result.errors.join('\n')}`);
  return result.glossary;
}
const bundled = validBundledGlossary();
const [firstEntry, secondEntry] = bundled.entries;
if (!firstEntry || !secondEntry) throw new Error('the bundled glossary needs two entries here');

/** fakeBrowser has no in-memory `commands` API; the spy records the registration instead. */
function fakeCommands() {
  return vi
    .spyOn(fakeBrowser.commands.onCommand, 'addListener')
    .mockImplementation(() => undefined);
}

/** fakeBrowser has no in-memory `runtime.onConnect` either (the content scripts' lifelines). */
function fakeOnConnect() {
  return vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
}

/** What the browser does when it (re)starts the worker: old listeners are gone, main runs. */
function startWorker() {
  fakeBrowser.reset();
  fakeCommands();
  fakeOnConnect();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Firewall Lens',
    version: '0.1.0',
  });
  background.main();
}

async function ask<T>(message: unknown, sender = extensionPage()): Promise<T> {
  const reply = await deliver(message, sender);
  expect(reply).toMatchObject({ ok: true });
  return (reply as { value: T }).value;
}

beforeEach(async () => {
  // Earlier workers' connections close themselves on the version change a delete causes (and
  // Dexie warns about it).
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await Dexie.delete(DATABASE_NAME);
  warn.mockRestore();
});

describe('the background entry', () => {
  it('registers its listeners synchronously, in the first turn of main()', () => {
    fakeBrowser.reset();
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const onInstalled = vi.spyOn(fakeBrowser.runtime.onInstalled, 'addListener');
    const onCommand = fakeCommands();
    const onConnect = fakeOnConnect();
    background.main();
    expect(onMessage).toHaveBeenCalledOnce();
    expect(onInstalled).toHaveBeenCalledOnce();
    expect(onCommand).toHaveBeenCalledOnce();
    expect(onConnect).toHaveBeenCalledOnce();
  });

  it('seeds the bundled cards on install', async () => {
    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const reader = new GlossaryDatabase();
    await vi.waitFor(async () => {
      expect((await reader.meta.get('dataVersion'))?.value).toBe(bundled.version);
    });
    expect(await reader.cards.count()).toBe(bundled.entries.length);
    reader.close();
  });

  it('answers a first read on a fresh profile before onInstalled ever ran', async () => {
    startWorker();
    const card = await ask<CardView>({ type: 'card', id: 'great-firewall' }, contentScript(1));
    expect(card.label).toBe('Great Firewall');
    expect(card.quotes[0]?.text).toBeTruthy();
    expect(card.sourceTitle).toBe(bundled.sources[0]?.title);
  });

  it('still reads its cards after the worker was stopped and restarted', async () => {
    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const before = await ask<DataStatus>({ type: 'data-status' });
    expect(before).toEqual({
      cardCount: bundled.entries.length,
      dataVersion: bundled.version,
      cacheProblem: null,
    });

    startWorker(); // no onInstalled this time
    expect(await ask<DataStatus>({ type: 'data-status' })).toEqual(before);
    const card = await ask<CardView>({ type: 'card', id: 'vpn' });
    expect(card.id).toBe('vpn');
  });

  it('re-seeds on update when the bundled data version changed, keeping user cards', async () => {
    const old = new GlossaryDatabase();
    await old.meta.put({ key: 'dataVersion', value: 'an-older-release' });
    await old.cards.add({
      ...firstEntry,
      id: 'removed-in-this-release',
      bundled: 1,
      aliasKeys: [],
    });
    await old.cards.add({ ...secondEntry, id: 'users-own', bundled: 0, aliasKeys: [] });
    old.close();

    startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.0.9',
      temporary: false,
    });
    const status = await ask<DataStatus>({ type: 'data-status' });
    expect(status).toEqual({
      cardCount: bundled.entries.length + 1,
      dataVersion: bundled.version,
      cacheProblem: null,
    });
    expect(await ask({ type: 'card', id: 'removed-in-this-release' })).toBeNull();
    expect(await ask<CardView>({ type: 'card', id: 'users-own' })).toMatchObject({
      id: 'users-own',
    });
  });
});
