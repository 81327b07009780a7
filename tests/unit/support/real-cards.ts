/**
 * Card views, the source and the matcher built from the shipped data, as the background and the
 * content script would build them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Glossary, MatcherAlias } from '../../../common/glossary-types';
import type { CardView, SourceView } from '../../../common/protocol';
import glossaryJson from '../../../data/glossary.json';
import { flattenAliases } from '../../../entrypoints/background/matcher-data';
import { compileMatcher, type Matcher } from '../../../entrypoints/content/marking/matcher';

const glossary = glossaryJson as Glossary;

/** The matcher of the aliases in data/glossary.json (those `keep` accepts; default all). */
export function realMatcher(keep: (alias: MatcherAlias) => boolean = () => true): Matcher {
  const data = flattenAliases(glossary);
  return compileMatcher({ ...data, aliases: data.aliases.filter(keep) });
}

export function realCard(id: string): CardView {
  const entry = glossary.entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no entry ${id} in data/glossary.json`);
  const source = glossary.sources.find((candidate) => candidate.id === entry.source);
  if (!source) throw new Error(`no source ${entry.source}`);
  return {
    ...entry,
    sourceTitle: source.title,
    relatedLabels: entry.related.flatMap((relatedId) => {
      const related = glossary.entries.find((candidate) => candidate.id === relatedId);
      return related ? [{ id: related.id, label: related.label, labelZh: related.labelZh }] : [];
    }),
  };
}

export function realSource(id: string): SourceView | null {
  const source = glossary.sources.find((candidate) => candidate.id === id);
  if (!source) return null;
  // Vitest runs from the project root.
  const path = join(process.cwd(), 'data', 'sources', source.file);
  return { id: source.id, title: source.title, text: readFileSync(path, 'utf8') };
}
