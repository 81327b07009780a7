/**
 * The translations a reader gets: every locale says everything the English does, with the same
 * placeholders, and nothing is left in English by accident.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, type LocaleMessages, localeNames, readLocale } from '../support/fake-i18n';

const english = readLocale('en');
const translations = localeNames().filter((name) => name !== 'en');

/**
 * Messages that are the same in every language: the brand name and an example host. Anything
 * else identical to the English is a string a translator missed.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['extName', 'siteAddPlaceholder']);

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;

function placeholdersUsed(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

function everyLocale(): [string, LocaleMessages][] {
  return localeNames().map((name) => [name, readLocale(name)]);
}

describe('the locales', () => {
  it('are English and Simplified Chinese at least', () => {
    expect(localeNames()).toEqual(expect.arrayContaining(['en', 'zh_CN']));
  });

  it.each(translations)('%s has exactly the English keys', (name) => {
    expect(Object.keys(readLocale(name)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(translations)('%s translates every message', (name) => {
    const messages = readLocale(name);
    const untranslated = Object.keys(english).filter(
      (id) => !SAME_IN_EVERY_LANGUAGE.has(id) && messages[id]?.message === english[id]?.message,
    );
    expect(untranslated).toEqual([]);
  });

  it.each(everyLocale())(
    '%s: each message uses exactly the placeholders it defines',
    (_, messages) => {
      for (const [id, entry] of Object.entries(messages)) {
        const defined = Object.keys(entry.placeholders ?? {}).sort();
        expect(placeholdersUsed(entry.message), id).toEqual(defined);
      }
    },
  );

  it.each(translations)(
    '%s keeps the English placeholders, their order and their names',
    (name) => {
      const messages = readLocale(name);
      for (const [id, entry] of Object.entries(english)) {
        expect(messages[id]?.placeholders ?? {}, id).toEqual(
          Object.fromEntries(
            Object.entries(entry.placeholders ?? {}).map(([key, value]) => [
              key,
              expect.objectContaining({ content: value.content }),
            ]),
          ),
        );
      }
    },
  );

  // common/i18n.ts passes named values as $1, $2… in the alphabetical order of their names.
  it.each(everyLocale())(
    '%s numbers placeholders in the alphabetical order of their names',
    (_, messages) => {
      for (const [id, entry] of Object.entries(messages)) {
        const names = Object.keys(entry.placeholders ?? {}).sort();
        const contents = names.map((placeholder) => entry.placeholders?.[placeholder]?.content);
        expect(contents, id).toEqual(names.map((_name, index) => `$${index + 1}`));
      }
    },
  );

  it('has the plural forms common/i18n.ts asks for: one and other, counting $count$ only', () => {
    const bases = Object.keys(english)
      .filter((id) => id.endsWith('_other'))
      .map((id) => id.slice(0, -'_other'.length));
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      expect(english[`${base}_one`], base).toBeDefined();
      for (const form of ['one', 'other']) {
        expect(Object.keys(english[`${base}_${form}`]?.placeholders ?? {})).toEqual(['count']);
      }
    }
  });

  it('uses only message names the browsers accept', () => {
    for (const [name, messages] of everyLocale()) {
      for (const id of Object.keys(messages)) expect(id, name).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('gives each locale a language tag for lang attributes', () => {
    const tags = Object.fromEntries(everyLocale().map(([name, m]) => [name, m.langTag?.message]));
    expect(tags.en).toBe('en');
    expect(tags.zh_CN).toBe('zh-CN');
    for (const [name, tag] of Object.entries(tags)) {
      expect(tag, name).toBe(name.replace('_', '-'));
    }
  });

  it('fills placeholders the way the browsers do', () => {
    expect(formatMessage(english, 'popupEnabledOn', ['example.com'])).toBe(
      'Enabled on example.com',
    );
    expect(
      formatMessage(readLocale('zh_CN'), 'glossaryNoMatchQueryCategory', ['事件', 'VPN']),
    ).toBe('“事件”中没有与“VPN”匹配的术语。');
  });
});
