/** Card views and the source built from the shipped data, as the background would serve them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import glossaryJson from '../../../data/glossary.json';
import type { Glossary } from '../../../utils/glossary-types';
import type { CardView, SourceView } from '../../../utils/protocol';

const glossary = glossaryJson as Glossary;

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
      return related ? [{ id: related.id, label: related.label }] : [];
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
