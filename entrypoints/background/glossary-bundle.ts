import { isRecord } from '../../common/is-record';

/** A glossary as it arrives, before validation, with the texts of the sources it quotes. */
export interface GlossaryBundle {
  /** Unchecked: `validateGlossary` decides whether it may enter the database. */
  glossary: unknown;
  /** Source id → full article text. */
  sources: Record<string, string>;
}

/**
 * Pairs a glossary with its article texts. `files` maps paths (anything ending in the file name)
 * to texts; a source whose file is missing simply has no text, which the validator reports.
 */
export function glossaryBundle(glossary: unknown, files: Record<string, string>): GlossaryBundle {
  const byFileName = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    byFileName.set(path.slice(path.lastIndexOf('/') + 1), text);
  }
  const sources: Record<string, string> = {};
  const declared = isRecord(glossary) && Array.isArray(glossary.sources) ? glossary.sources : [];
  for (const source of declared) {
    if (!isRecord(source) || typeof source.id !== 'string' || typeof source.file !== 'string') {
      continue;
    }
    const text = byFileName.get(source.file);
    if (text !== undefined) sources[source.id] = text;
  }
  return { glossary, sources };
}

/** The version a bundle claims, read without validating the rest. */
export function claimedVersion(bundle: GlossaryBundle): string | undefined {
  const { glossary } = bundle;
  return isRecord(glossary) && typeof glossary.version === 'string' ? glossary.version : undefined;
}
