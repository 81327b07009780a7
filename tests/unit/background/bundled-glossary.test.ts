// @vitest-environment node

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATEGORIES, type Glossary } from '../../../common/glossary-types';
import { flattenAliases } from '../../../entrypoints/background/matcher-data';
import {
  ALIAS_CASES,
  ALIAS_LANGS,
  ID_PATTERN,
  LIMITS,
  SITE_PATTERN,
  SOURCE_FILE_PATTERN,
  VERSION_PATTERN,
  validateGlossary,
} from '../../../entrypoints/background/validate-glossary';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataPath = (name: string) => resolve(root, 'data', name);
// The seed lives in the shared folder beside the project; CI gets a copy, a bare clone may not.
const seedDir = resolve(root, '../shared/seed');

const raw: unknown = JSON.parse(readFileSync(dataPath('glossary.json'), 'utf8'));
const glossary = raw as Glossary & { $schema?: string };
const schema = JSON.parse(readFileSync(dataPath('glossary.schema.json'), 'utf8'));

const sourceTexts: Record<string, string> = Object.fromEntries(
  glossary.sources.map((source) => [
    source.id,
    readFileSync(dataPath(`sources/${source.file}`), 'utf8'),
  ]),
);

const CORE_TERMS = ['great-firewall', 'vpn', 'facebook', 'twitter', 'youtube'];

function entryById(id: string) {
  const found = glossary.entries.find((entry) => entry.id === id);
  if (!found) throw new Error(`data/glossary.json has no entry "${id}"`);
  return found;
}

describe('data/glossary.json', () => {
  it('passes the validator with no errors', () => {
    const result = validateGlossary(raw, sourceTexts);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('points editors at the schema that sits beside it', () => {
    expect(glossary.$schema).toBe('./glossary.schema.json');
    expect(existsSync(dataPath('glossary.schema.json'))).toBe(true);
  });

  it('has every quote verbatim at its offset in the bundled source', () => {
    for (const entry of glossary.entries) {
      const text = sourceTexts[entry.source];
      expect(text, `source of ${entry.id}`).toBeTypeOf('string');
      for (const quote of entry.quotes) {
        expect(text?.slice(quote.start, quote.start + quote.text.length), entry.id).toBe(
          quote.text,
        );
      }
    }
  });

  it.skipIf(!existsSync(seedDir))('bundles byte-exact copies of the shared seed articles', () => {
    for (const source of glossary.sources) {
      const seedPath = resolve(seedDir, source.file);
      // Every bundled article comes from the shared seed.
      expect(existsSync(seedPath), seedPath).toBe(true);
      const seed = readFileSync(seedPath);
      expect(readFileSync(dataPath(`sources/${source.file}`)).equals(seed), source.file).toBe(true);
      const seedText = seed.toString('utf8');
      for (const entry of glossary.entries.filter((e) => e.source === source.id)) {
        for (const quote of entry.quotes) {
          expect(seedText.slice(quote.start, quote.start + quote.text.length), entry.id).toBe(
            quote.text,
          );
        }
      }
    }
  });

  it('gives every core term English and Chinese aliases', () => {
    for (const id of CORE_TERMS) {
      const langs = entryById(id).aliases.map((alias) => alias.lang);
      expect(langs, id).toContain('en');
      expect(langs, id).toContain('zh');
    }
  });

  it('quotes the article where it names each core term', () => {
    for (const id of CORE_TERMS) {
      const entry = entryById(id);
      const english = entry.aliases.filter((alias) => alias.lang === 'en');
      const named = entry.quotes.some((quote) =>
        english.some((alias) => quote.text.includes(alias.text)),
      );
      expect(named, id).toBe(true);
    }
  });

  it('explains the usual VPN expansion and keeps the article’s own wording', () => {
    const vpn = entryById('vpn');
    expect(vpn.summary).toContain('virtual private network');
    expect(vpn.quotes.some((quote) => quote.text.includes('virtual proxy network'))).toBe(true);
  });

  it('flattens to one matcher row per alias', () => {
    const rows = flattenAliases(glossary).aliases;
    const total = glossary.entries.reduce((sum, entry) => sum + entry.aliases.length, 0);
    expect(rows).toHaveLength(total);
    expect(rows.find((row) => row.text === 'VPN')).toMatchObject({ id: 'vpn', case: 'exact' });
  });
});

describe('data/glossary.schema.json', () => {
  const defs = schema.$defs;

  it('is a draft 2020-12 schema that forbids unknown fields', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const node of [schema, defs.source, defs.entry, defs.alias, defs.quote]) {
      expect(node.additionalProperties).toBe(false);
    }
  });

  it('agrees with the validator on enums and patterns', () => {
    expect(defs.entry.properties.category.enum).toEqual([...BUNDLED_CATEGORIES]);
    expect(defs.alias.properties.case.enum).toEqual([...ALIAS_CASES]);
    expect(defs.alias.properties.lang.enum).toEqual([...ALIAS_LANGS]);
    expect(defs.id.pattern).toBe(ID_PATTERN.source);
    expect(defs.source.properties.file.pattern).toBe(SOURCE_FILE_PATTERN.source);
    expect(schema.properties.version.pattern).toBe(VERSION_PATTERN.source);
  });

  it('agrees with the validator on lengths', () => {
    const entryProps = defs.entry.properties;
    expect([entryProps.summary.minLength, entryProps.summary.maxLength]).toEqual([
      LIMITS.summary.min,
      LIMITS.summary.max,
    ]);
    expect(entryProps.label.maxLength).toBe(LIMITS.label.max);
    expect(entryProps.labelZh.maxLength).toBe(LIMITS.labelZh.max);
    expect(defs.alias.properties.text.maxLength).toBe(LIMITS.aliasText.max);
    expect(defs.quote.properties.text.minLength).toBe(LIMITS.quoteText.min);
    expect(entryProps.quotes.minItems).toBe(LIMITS.quotes.min);
    expect(entryProps.related.maxItems).toBe(LIMITS.related.max);
  });

  it('agrees with the validator on what a site is', () => {
    expect(defs.entry.properties.sites.items.pattern).toBe(SITE_PATTERN.source);
    expect(defs.entry.properties.sites.maxItems).toBe(LIMITS.sites.max);
  });

  it('requires exactly the fields the data uses (facts optional, sites only on platforms)', () => {
    for (const entry of glossary.entries) {
      const fields = Object.keys(entry).filter((key) => key !== 'sites' && key !== 'facts');
      expect(fields.sort()).toEqual([...defs.entry.required].sort());
      expect(defs.entry.required).not.toContain('sites');
      expect(defs.entry.required).not.toContain('facts');
      if (entry.sites !== undefined) expect(entry.category).toMatch(/platform$/);
      for (const alias of entry.aliases) {
        expect(Object.keys(alias).sort()).toEqual([...defs.alias.required].sort());
      }
    }
  });
});
