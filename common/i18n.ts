/**
 * Every word the reader sees comes from `public/_locales/<lang>/messages.json` through here. The
 * browser picks the locale from its own UI language (`default_locale` "en" fills any gap), in the
 * background, the extension pages and the content script alike.
 *
 * The message ids are the keys of the English file, so a missing or misspelt id is a type error;
 * a message's placeholders are named by the same file, so a missing substitution is one too.
 * Placeholders take `$1`, `$2`… in the alphabetical order of their names (tests/unit/common/
 * locales.test.ts holds every locale to that), which is how a named object becomes the positional
 * list `i18n.getMessage` expects.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

type Messages = typeof english;
export type MessageId = keyof Messages;

type PlaceholdersOf<K extends MessageId> = Messages[K] extends { placeholders: infer P }
  ? { readonly [Name in keyof P]: string | number }
  : never;

/** Ids without placeholders: `t(id)`. */
export type PlainId = { [K in MessageId]: PlaceholdersOf<K> extends never ? K : never }[MessageId];
/** Ids with placeholders: `t(id, { name: value })`. */
type TemplateId = Exclude<MessageId, PlainId>;

/** `termCount` for the pair `termCount_one` / `termCount_other`. */
export type PluralId = {
  [K in MessageId]: K extends `${infer Base}_other` ? Base : never;
}[MessageId];

export function t(id: PlainId): string;
export function t<K extends TemplateId>(id: K, values: PlaceholdersOf<K>): string;
export function t(id: MessageId, values?: Readonly<Record<string, string | number>>): string {
  const substitutions = values
    ? Object.keys(values)
        .sort()
        .map((name) => formatValue(values[name] ?? ''))
    : undefined;
  return browser.i18n.getMessage(id, substitutions);
}

/**
 * A count with its noun, in the grammatical form the interface language wants ("1 term",
 * "2 terms", "2 个术语"). The pair's only placeholder is `$count$`.
 */
export function plural(base: PluralId, count: number): string {
  const substitutions = [formatValue(count)];
  const form = pluralRules().select(count);
  // Not every language has every form (Chinese has only "other"); the files hold one and other.
  const formId = `${base}_${form}` as MessageId;
  return (
    browser.i18n.getMessage(formId, substitutions) ||
    browser.i18n.getMessage(`${base}_other`, substitutions)
  );
}

/** The language tag of the messages in use, for `lang` attributes and `Intl`. */
export function interfaceLanguage(): string {
  return browser.i18n.getMessage('langTag') || 'en';
}

/** Chinese interface: cards show the Chinese summary, and search orders by Chinese labels. */
export function interfaceIsChinese(): boolean {
  return /^zh\b/i.test(interfaceLanguage());
}

let rules: { lang: string; rules: Intl.PluralRules } | undefined;
function pluralRules(): Intl.PluralRules {
  const lang = interfaceLanguage();
  if (rules?.lang !== lang) rules = { lang, rules: new Intl.PluralRules(lang) };
  return rules.rules;
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString(interfaceLanguage()) : value;
}
