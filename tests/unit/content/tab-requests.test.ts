import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionStore } from '../../../entrypoints/content/marking/mention-store';
import { answerTabRequest } from '../../../entrypoints/content/tab-requests';

let store: MentionStore;

beforeEach(() => {
  document.body.innerHTML = '<p id="a">VPN, Twitter</p><p id="b">Twitter</p>';
  store = new MentionStore();
  const a = document.getElementById('a')?.firstChild as Text;
  const b = document.getElementById('b')?.firstChild as Text;
  store.setNode(b, [{ node: b, start: 0, end: 7, id: 'twitter', category: 'blocked-platform' }]);
  store.setNode(a, [
    { node: a, start: 0, end: 3, id: 'vpn', category: 'circumvention' },
    { node: a, start: 5, end: 12, id: 'twitter', category: 'blocked-platform' },
  ]);
});

describe("the popup's questions", () => {
  it('lists the terms in the order they first appear, with counts', () => {
    const reply = answerTabRequest(
      { type: 'page-mentions-list' },
      {
        hostname: 'news.example',
        marking: { store, reveal: () => false, togglePin: () => false },
      },
    );
    expect(reply).toEqual({
      ok: true,
      value: [
        { id: 'vpn', label: 'vpn', category: 'circumvention', count: 1 },
        { id: 'twitter', label: 'twitter', category: 'blocked-platform', count: 2 },
      ],
    });
  });

  it('answers where it is and whether it marks, also while switched off here', () => {
    expect(
      answerTabRequest({ type: 'page-info' }, { hostname: 'a.example', marking: null }),
    ).toEqual({
      ok: true,
      value: { hostname: 'a.example' },
    });
    expect(
      answerTabRequest({ type: 'page-mentions-list' }, { hostname: 'a.example', marking: null }),
    ).toEqual({
      ok: true,
      value: [],
    });
  });

  it('passes reveal requests on and reports whether a mention was revealed', () => {
    const reveal = vi.fn(() => true);
    const reply = answerTabRequest(
      { type: 'reveal-mention', id: 'vpn', direction: 'previous' },
      { hostname: 'a.example', marking: { store, reveal, togglePin: () => false } },
    );
    expect(reveal).toHaveBeenCalledWith('vpn', 'previous');
    expect(reply).toEqual({ ok: true, value: { revealed: true } });
  });

  it('passes the pin shortcut on to the open card, and says when there was none', () => {
    const togglePin = vi.fn(() => true);
    const marking = { store, reveal: () => false, togglePin };
    expect(answerTabRequest({ type: 'pin-card' }, { hostname: 'a.example', marking })).toEqual({
      ok: true,
      value: { toggled: true },
    });
    expect(togglePin).toHaveBeenCalledOnce();
    expect(
      answerTabRequest({ type: 'pin-card' }, { hostname: 'a.example', marking: null }),
    ).toEqual({ ok: true, value: { toggled: false } });
  });

  it('answers a malformed request with an error', () => {
    const reply = answerTabRequest(
      { type: 'reveal-mention', direction: 'up' },
      {
        hostname: 'a.example',
        marking: null,
      },
    );
    expect(reply.ok).toBe(false);
  });
});
