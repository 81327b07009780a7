import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { askBackground, MessageError } from '../../../common/messaging';

const portClosed = () => new Error('The message port closed before a response was received.');

/** runtime.sendMessage answering with each of `outcomes` in turn (an Error rejects). */
function sendMessageAnswering(...outcomes: unknown[]) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
    const next = outcomes.shift();
    if (next instanceof Error) throw next;
    return next;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('asking the background', () => {
  it('returns the value of an ok reply and throws the error of a failed one', async () => {
    sendMessageAnswering({ ok: true, value: { version: '1' } }, { ok: false, error: 'nope' });
    expect(await askBackground({ type: 'ping' })).toEqual({ version: '1' });
    await expect(askBackground({ type: 'ping' })).rejects.toThrow(MessageError);
  });

  it('asks once more when the worker stopped while answering a read', async () => {
    const send = sendMessageAnswering(portClosed(), { ok: true, value: null });
    expect(await askBackground({ type: 'card', id: 'vpn' })).toBeNull();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second try', async () => {
    const send = sendMessageAnswering(portClosed(), portClosed(), { ok: true, value: null });
    await expect(askBackground({ type: 'cards', ids: ['vpn'] })).rejects.toThrow(/port closed/);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('never sends twice what must happen once: a second reader tab, a write', async () => {
    const send = sendMessageAnswering(portClosed(), { ok: true, value: null });
    await expect(askBackground({ type: 'open-reader', card: 'vpn', quote: 0 })).rejects.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not retry once the extension is gone', async () => {
    const send = sendMessageAnswering(new Error('Extension context invalidated.'));
    await expect(askBackground({ type: 'matcher-data' })).rejects.toThrow(/invalidated/);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
