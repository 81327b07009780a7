import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/glossary-types';
import {
  type BackgroundRequest,
  lifelinePage,
  lifelinePortName,
  parseBackgroundRequest,
  parseReply,
  parseTabRequest,
} from '../../../common/protocol';

const LONG = 'x'.repeat(1_001);

const VALID_BACKGROUND_REQUESTS: BackgroundRequest[] = [
  { type: 'ping' },
  { type: 'data-status' },
  { type: 'reseed' },
  { type: 'matcher-data' },
  { type: 'matcher-data', knownVersion: '2026.11.29-1' },
  { type: 'matcher-data', knownVersion: '' },
  { type: 'card', id: 'great-firewall' },
  { type: 'cards', ids: [] },
  { type: 'cards', ids: ['vpn', 'facebook'] },
  { type: 'cards', ids: Array.from({ length: 500 }, (_, i) => `id-${i}`) },
  { type: 'search', query: '' },
  { type: 'search', query: '翻墙' },
  ...CATEGORIES.map((category): BackgroundRequest => ({ type: 'search', query: 'vpn', category })),
  { type: 'source', id: 'second-world-internet-conference' },
  { type: 'page-mentions', total: 0 },
  { type: 'page-mentions', total: 12_345 },
  { type: 'page-mentions', total: 3, page: 'k3x9a0b7c2d4' },
  { type: 'frame-script' },
  { type: 'top-url' },
  { type: 'tab-frames', tabId: 0 },
  { type: 'tab-frames', tabId: 1_234 },
  { type: 'open-reader', card: 'great-firewall', quote: 0 },
  { type: 'open-reader', card: 'vpn', quote: 2 },
  { type: 'mark-styles', on: true, token: 'k3x9a0b7c2d4' },
  { type: 'mark-styles', on: false, token: 'qzzzzzzzzzzz' },
];

describe('requests to the background', () => {
  it.each(VALID_BACKGROUND_REQUESTS)('accepts %j as it is', (message) => {
    expect(parseBackgroundRequest(message)).toEqual({ ok: true, value: message });
  });

  it('drops fields a request does not have, so nothing unexpected reaches a handler', () => {
    expect(parseBackgroundRequest({ type: 'ping', url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { type: 'ping' },
    });
    expect(parseBackgroundRequest({ type: 'card', id: 'vpn', extra: 1 })).toEqual({
      ok: true,
      value: { type: 'card', id: 'vpn' },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping' }]],
    ['a number', 42],
    ['undefined', undefined],
    ['an object without type', {}],
    ['an unknown type', { type: 'delete-everything' }],
    ['a type of the tab protocol', { type: 'page-mentions-list' }],
    ['a non-string type', { type: 7 }],
    ['matcher-data with a numeric version', { type: 'matcher-data', knownVersion: 3 }],
    ['matcher-data with a null version', { type: 'matcher-data', knownVersion: null }],
    ['matcher-data with an overlong version', { type: 'matcher-data', knownVersion: LONG }],
    ['card without id', { type: 'card' }],
    ['card with an empty id', { type: 'card', id: '' }],
    ['card with a numeric id', { type: 'card', id: 1 }],
    ['card with an overlong id', { type: 'card', id: LONG }],
    ['source without id', { type: 'source' }],
    ['source with an empty id', { type: 'source', id: '' }],
    ['source with an array id', { type: 'source', id: ['a'] }],
    ['cards without ids', { type: 'cards' }],
    ['cards with a string for ids', { type: 'cards', ids: 'vpn' }],
    ['cards with a number among ids', { type: 'cards', ids: ['vpn', 3] }],
    ['cards with an overlong id', { type: 'cards', ids: [LONG] }],
    ['cards with 501 ids', { type: 'cards', ids: Array.from({ length: 501 }, () => 'vpn') }],
    ['search without query', { type: 'search' }],
    ['search with a numeric query', { type: 'search', query: 5 }],
    ['search with an overlong query', { type: 'search', query: LONG }],
    ['search with an unknown category', { type: 'search', query: '', category: 'weather' }],
    ['search with a null category', { type: 'search', query: '', category: null }],
    ['page-mentions without total', { type: 'page-mentions' }],
    ['page-mentions with a negative total', { type: 'page-mentions', total: -1 }],
    ['page-mentions with a fractional total', { type: 'page-mentions', total: 1.5 }],
    ['page-mentions with NaN', { type: 'page-mentions', total: Number.NaN }],
    ['page-mentions with Infinity', { type: 'page-mentions', total: Number.POSITIVE_INFINITY }],
    ['page-mentions with a string total', { type: 'page-mentions', total: '3' }],
    ['page-mentions with a page that is no token', { type: 'page-mentions', total: 1, page: 'x' }],
    ['tab-frames without tabId', { type: 'tab-frames' }],
    ['tab-frames with a negative tabId', { type: 'tab-frames', tabId: -1 }],
    ['tab-frames with a string tabId', { type: 'tab-frames', tabId: '3' }],
    ['open-reader without card', { type: 'open-reader', quote: 0 }],
    ['open-reader with an empty card', { type: 'open-reader', card: '', quote: 0 }],
    ['open-reader with a numeric card', { type: 'open-reader', card: 7, quote: 0 }],
    ['open-reader without quote', { type: 'open-reader', card: 'vpn' }],
    ['open-reader with a string quote', { type: 'open-reader', card: 'vpn', quote: '0' }],
    ['open-reader with a negative quote', { type: 'open-reader', card: 'vpn', quote: -1 }],
    ['open-reader with a fractional quote', { type: 'open-reader', card: 'vpn', quote: 0.5 }],
    ['mark-styles without on', { type: 'mark-styles', token: 'k3x9a0b7c2d4' }],
    ['mark-styles with a string on', { type: 'mark-styles', on: 'true', token: 'k3x9a0b7c2d4' }],
    ['mark-styles without token', { type: 'mark-styles', on: true }],
    ['mark-styles with a short token', { type: 'mark-styles', on: true, token: 'k3x9' }],
    ['mark-styles with a digit first', { type: 'mark-styles', on: true, token: '3kx9a0b7c2d4' }],
    [
      'mark-styles with CSS in the token',
      { type: 'mark-styles', on: true, token: 'a){}*{color:red}(' },
    ],
    ['mark-styles with capitals', { type: 'mark-styles', on: true, token: 'K3X9A0B7C2D4' }],
    [
      'open-reader with a seven-digit quote',
      { type: 'open-reader', card: 'vpn', quote: 1_000_000 },
    ],
  ])('rejects %s with a message saying what is wrong', (_name, message) => {
    const result = parseBackgroundRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/\w/);
  });

  it('names the request type and the field in its error', () => {
    expect(parseBackgroundRequest({ type: 'card', id: 3 })).toEqual({
      ok: false,
      error: 'card: id must be a non-empty string',
    });
    expect(parseBackgroundRequest({ type: 'nope' })).toEqual({
      ok: false,
      error: 'unknown message type "nope"',
    });
  });
});

describe('requests to a content script', () => {
  it.each([
    [{ type: 'page-mentions-list' }],
    [{ type: 'reveal-mention', direction: 'next' }],
    [{ type: 'reveal-mention', direction: 'previous' }],
    [{ type: 'reveal-mention', id: 'vpn', direction: 'next' }],
    [{ type: 'pin-card' }],
  ])('accepts %j as it is', (message) => {
    expect(parseTabRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['an unknown type', { type: 'scroll' }],
    ['a type of the background protocol', { type: 'ping' }],
    ['reveal-mention without direction', { type: 'reveal-mention' }],
    ['reveal-mention with a bad direction', { type: 'reveal-mention', direction: 'up' }],
    ['reveal-mention with a numeric id', { type: 'reveal-mention', id: 1, direction: 'next' }],
    ['reveal-mention with an overlong id', { type: 'reveal-mention', id: LONG, direction: 'next' }],
  ])('rejects %s', (_name, message) => {
    expect(parseTabRequest(message).ok).toBe(false);
  });
});

describe('replies', () => {
  it('passes a successful reply through', () => {
    expect(parseReply({ ok: true, value: { version: '1.0.0' } })).toEqual({
      ok: true,
      value: { version: '1.0.0' },
    });
    expect(parseReply({ ok: true, value: null })).toEqual({ ok: true, value: null });
  });

  it('passes an error reply through, with a fallback for a missing message', () => {
    expect(parseReply({ ok: false, error: 'card: id must be a non-empty string' })).toEqual({
      ok: false,
      error: 'card: id must be a non-empty string',
    });
    expect(parseReply({ ok: false, error: 404 })).toEqual({ ok: false, error: 'unknown error' });
  });

  it.each([
    ['no reply at all (no listener, or the extension was updated)', undefined],
    ['null', null],
    ['an object without ok', { value: 1 }],
    ['ok as a string', { ok: 'true', value: 1 }],
    ['an array', [true]],
  ])('turns %s into an error', (_name, reply) => {
    expect(parseReply(reply)).toEqual({
      ok: false,
      error: 'no reply (is the extension being updated?)',
    });
  });
});

describe("the lifeline port's name", () => {
  it('carries the page token there and back', () => {
    expect(lifelinePage(lifelinePortName('k3x9a0b7c2d4'))).toBe('k3x9a0b7c2d4');
  });

  it("reads an older copy's plain name as a lifeline without a token", () => {
    expect(lifelinePage('lifeline')).toBe('');
  });

  it('refuses other ports and names whose token is not one', () => {
    expect(lifelinePage('other')).toBeNull();
    expect(lifelinePage('lifeline/')).toBeNull();
    expect(lifelinePage('lifeline/NOT-A-TOKEN')).toBeNull();
    expect(lifelinePage('lifelines/k3x9a0b7c2d4')).toBeNull();
  });
});
