/**
 * The shape of a bench page that decides what the story detector costs there (issue #20): how
 * many elements and text nodes stand around each thousand characters, how many records and
 * candidates the detector makes, and how its mentions fall into blocks. Runs the shipped detector
 * with the shipped matcher in one go (no clock), then reads its records: the fields are private
 * to the shipped code, so they are read by name here and a renamed field fails loudly.
 */
import type { MatcherData } from '../../common/glossary-types';
import { compileMatcher } from '../../entrypoints/content/marking/matcher';
import { StoryDetector } from '../../entrypoints/content/marking/story-detector';

export interface PageShape {
  chars: number;
  textNodes: number;
  elements: number;
  elementsPer1kChars: number;
  textNodesPer1kChars: number;
  /** The detector's records: elements that hold text as a block. */
  records: number;
  /** Records that received a paragraph's score. */
  candidates: number;
  /** Text nodes with a mention that the detector read as prose. */
  mentionTexts: number;
  /** Distinct records (blocks) holding those texts. */
  mentionBlocks: number;
  mentionsPerBlock: number;
  /** Mentions in those texts (the matcher's hits). */
  mentions: number;
  /** The story's containers in the verdict. */
  storyRoots: number;
}

/** The detector's records and candidates, and its walk's (story-walk.ts) records of matches. */
interface DetectorInternals {
  records?: unknown[];
  candidates?: unknown[];
  reading?: { matchedRecords?: unknown[] };
}

function arrayOf(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(`the story detector has no array ${name}: update scripts/bench/page-shape.ts`);
  }
  return value;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function pageShape(data: MatcherData): PageShape {
  const body = document.body;
  let chars = 0;
  let textNodes = 0;
  const texts = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node !== null; node = texts.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  const elements = body.getElementsByTagName('*').length;
  const matcher = compileMatcher(data);
  const detector = new StoryDetector(
    body,
    () => 0,
    (text): number | false => {
      const hits = matcher.findAll(text).length;
      return hits > 0 ? hits : false;
    },
  );
  detector.step(Number.POSITIVE_INFINITY);
  const internals = detector as unknown as DetectorInternals;
  const mentionBlocks = new Set(
    arrayOf(internals.reading?.matchedRecords, 'reading.matchedRecords'),
  ).size;
  const mentionTexts = detector.matchedTexts().length;
  const mentions = detector.matchedFound().reduce((sum, hits) => sum + hits, 0);
  const perThousand = (count: number): number => (chars > 0 ? round((count * 1000) / chars) : 0);
  return {
    chars,
    textNodes,
    elements,
    elementsPer1kChars: perThousand(elements),
    textNodesPer1kChars: perThousand(textNodes),
    records: arrayOf(internals.records, 'records').length,
    candidates: arrayOf(internals.candidates, 'candidates').length,
    mentionTexts,
    mentionBlocks,
    mentions,
    mentionsPerBlock: mentionBlocks > 0 ? round(mentions / mentionBlocks) : 0,
    storyRoots: detector.verdict().roots.length,
  };
}
