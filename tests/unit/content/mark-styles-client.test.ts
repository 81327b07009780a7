import { describe, expect, it } from 'vitest';
import { MarkStylesClient } from '../../../entrypoints/content/mark-styles-client';

function recording(fail = () => false) {
  const sent: boolean[] = [];
  const client = new MarkStylesClient(async (on) => {
    await Promise.resolve();
    if (fail()) throw new Error('Could not establish connection');
    sent.push(on);
  });
  return { sent, client };
}

describe('the mark styles client', () => {
  it('asks only on a change: nothing for a page that never draws marks', async () => {
    const { sent, client } = recording();
    await client.set(false);
    await client.set(false);
    expect(sent).toEqual([]);
    await client.set(true);
    await client.set(true);
    await client.set(false);
    expect(sent).toEqual([true, false]);
  });

  it('ends in the last state asked for, skipping what quick toggles made moot', async () => {
    const { sent, client } = recording();
    void client.set(true);
    void client.set(false);
    await client.set(true);
    expect(sent).toEqual([true]);
  });

  it('tries again after a failed request', async () => {
    let failing = true;
    const { sent, client } = recording(() => failing);
    await client.set(true);
    expect(sent).toEqual([]);
    failing = false;
    await client.set(true);
    expect(sent).toEqual([true]);
  });

  it('asks nothing after forget() (the extension is gone)', async () => {
    const { sent, client } = recording();
    await client.set(true);
    client.forget();
    await client.set(false);
    expect(sent).toEqual([true]);
  });
});

describe('the mark styles client after the document_start script asked', () => {
  it('does not ask again for styles already inserted, and removes them when done', async () => {
    const sent: boolean[] = [];
    const client = new MarkStylesClient(async (on) => {
      sent.push(on);
    }, Promise.resolve(true));
    await client.set(true);
    expect(sent).toEqual([]);
    await client.set(false);
    expect(sent).toEqual([false]);
  });

  it('asks itself when the early request was not made or failed', async () => {
    const sent: boolean[] = [];
    const client = new MarkStylesClient(async (on) => {
      sent.push(on);
    }, Promise.resolve(false));
    await client.set(true);
    expect(sent).toEqual([true]);
  });
});
