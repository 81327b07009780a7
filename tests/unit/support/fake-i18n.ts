/**
 * `browser.i18n` for unit tests, answering from the real `public/_locales` files the way the
 * browsers do: `$name$` becomes its placeholder's content, `$1`… the substitutions, `$$` a dollar
 * sign, an unknown id the empty string. English unless a test picks another locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

export const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');

export function readLocale(locale: string): LocaleMessages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
}

export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

/** What `i18n.getMessage(id, substitutions)` returns for a locale's messages. */
export function formatMessage(
  messages: LocaleMessages,
  id: string,
  substitutions: string | string[] = [],
): string {
  const entry = messages[id];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
    );
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name] ?? entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : whole;
  });
  return positional(named);
}

const UI_LANGUAGE: Record<string, string> = { en: 'en-US', zh_CN: 'zh-CN', zh_TW: 'zh-TW' };

/** Answers `i18n` from `locale` until the test ends. */
export function useInterfaceLocale(locale: string): void {
  const messages = readLocale(locale);
  fakeBrowser.i18n.getMessage = (id: string, substitutions?: string | string[]) =>
    formatMessage(messages, id, substitutions);
  fakeBrowser.i18n.getUILanguage = () => UI_LANGUAGE[locale] ?? locale.replace('_', '-');
}

useInterfaceLocale('en');
afterEach(() => useInterfaceLocale('en'));
