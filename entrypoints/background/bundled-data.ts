/**
 * The knowledge base shipped inside the extension: `data/glossary.json` and the article texts its
 * quotes come from, both inlined into the background bundle by Vite (no fetch, no network).
 */
import glossaryJson from '../../data/glossary.json';
import { type GlossaryBundle, glossaryBundle } from './glossary-bundle';

// Every article under data/sources/ is bundled, keyed by file name; the glossary names its files.
const sourceFiles = import.meta.glob<string>('../../data/sources/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const BUNDLED_GLOSSARY: GlossaryBundle = glossaryBundle(glossaryJson, sourceFiles);
