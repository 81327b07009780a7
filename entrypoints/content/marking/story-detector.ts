/**
 * Which part of a page is the story. Pure logic over the DOM it is given (no window, no style,
 * no layout), so it runs the same in the content script and in happy-dom.
 *
 * The method is a reader mode's (studied from Mozilla Readability, whose gold extractions
 * `npm run quality` measures against), reshaped so that it never copies or changes the page and
 * costs about one read of its text. This file sequences the steps, in slices; each step is a
 * module of its own:
 *
 * 1. **The walk** (`story-walk.ts`): one read of elements and text, resumable between slices.
 *    Each text node's length, commas and whether it sits in a link go to the record of its
 *    nearest element that is not inline; the matcher is asked of each text on the way.
 * 2. **The records** (`story-records.ts`): one per element text arrived below, parents first;
 *    **totals** per element, children into parents in one backward pass.
 * 3. **Natures** (`story-exclusions.ts`): in one forward pass what is not story by its nature:
 *    elements named as share bars, comment threads, teasers, related and most-read lists, tag
 *    clouds, newsletters, promos (`story-hints.ts`), navigation, footers and asides, forms.
 * 4. **Scores** (`story-scoring.ts`): each paragraph's points to its ancestors, from a prior by
 *    tag and name, scaled by link density.
 * 5. **The choice** (`story-choice.ts`): the best container, climbed and joined by its siblings
 *    and headline; or no story when it holds too little prose or is mostly links (a home page,
 *    a feed, search results, a forum: the scanner then reads the body outside site chrome,
 *    still leaving out share and social blocks).
 * 6. **What is not story inside the story** (`story-exclusions.ts`): the outermost of what is
 *    not story, link lists, and the links and spans on the paths of matched text.
 */

import { type BlockKind, markShareBar } from './share-bars';
import { chooseStory } from './story-choice';
import {
  decideNatures,
  excludeInsideStory,
  type InlineNotStory,
  judgeInlinePath,
  NameHints,
} from './story-exclusions';
import { type PassCursor, sumTotals, type Tally } from './story-records';
import { scoreParagraphs } from './story-scoring';
import { StoryWalk } from './story-walk';

export { MIN_STORY_CHARS, MIN_STORY_PROSE, MIN_STORY_SCORE } from './story-choice';

/** The detector's answer for one page. */
export interface StoryVerdict {
  /** The story's containers, in document order, none inside another; empty when no story. */
  readonly roots: readonly Element[];
  /**
   * Elements whose text is not story even inside the story (comments, share bars, teasers, link
   * lists, footers and asides). Only the outermost of each such subtree is listed.
   */
  readonly notStory: ReadonlySet<Element>;
  /** Share, social and follow blocks anywhere: left out on pages without a story too. */
  readonly social: ReadonlySet<Element>;
  /** Characters of prose in the story (scored paragraphs), for deciding again later. */
  readonly storyChars: number;
}

export const NO_STORY: StoryVerdict = {
  roots: [],
  notStory: new Set(),
  social: new Set(),
  storyChars: 0,
};

/**
 * The verdict when nothing was asked: the walk's `matches` accepted no text, so nothing would be
 * marked and the story was not scored. The scanner decides when the page first shows a mention.
 */
export const UNDECIDED: StoryVerdict = { ...NO_STORY };

/** With more records than this, the choice (which cannot stop halfway) starts a slice of its own. */
const CHOOSE_IN_OWN_SLICE = 5_000;

type Phase = 'walk' | 'totals' | 'natures' | 'scores' | 'choose' | 'exclude' | 'done';

const NEXT_PHASE: Record<Phase, Phase> = {
  walk: 'totals',
  totals: 'natures',
  natures: 'scores',
  scores: 'choose',
  choose: 'exclude',
  exclude: 'done',
  done: 'done',
};

/**
 * Decides the story of one document in resumable steps: `step(deadline)` does some work and
 * says whether it finished; `verdict()` then answers. A page that changes meanwhile is simply read
 * as it is when the walk passes; the scanner decides again after large changes.
 *
 * The phases are methods of their own (walk, totals, natures, scores, choose, exclude) so that
 * `scripts/bench/phase-entry.ts` can time each.
 */
export class StoryDetector<Found = true> {
  private phase: Phase = 'walk';
  private readonly reading: StoryWalk<Found>;
  /** The walk's records: the same array, filled by the walk and read by every later pass. */
  private readonly records: Tally[];
  private readonly pass: PassCursor = { cursor: 0 };
  private readonly candidates: Tally[] = [];
  private result: StoryVerdict | null = null;
  /** Share and social elements anywhere: the outermost of each. */
  private readonly social = new Set<Element>();
  /** The story's containers, once chosen. */
  private storyRoots: Tally[] = [];
  /** Per record, whether it lies in the story (the exclude pass fills it in). */
  private inStory: Uint8Array | null = null;
  private readonly notStory = new Set<Element>();
  /** Inline elements not story on the paths of matched text, with the record they are in. */
  private readonly inlineNotStory: InlineNotStory[] = [];
  private readonly hints = new NameHints();
  /** Which records markShareBar found to be share or follow bars, or lists of other stories. */
  private readonly shareBars = new Map<Tally, BlockKind>();

  /**
   * `matches` is asked of every text node the walk reads as prose; those it accepts (anything but
   * false) are kept (`matchedTexts`) with its answer (`matchedFound`), so that the scan after the
   * verdict visits only them, with what the matcher found in them, instead of walking and matching
   * the page a second time. A page where it accepts none is not scored at all (UNDECIDED).
   *
   * `matchFrom`: the first text `matches` can accept, when the caller already knows it (the
   * scanner's probe tested everything before it); the text before it is not asked again.
   */
  constructor(
    root: Element,
    private readonly now: () => number,
    matches: (text: string) => Found | false,
    matchFrom: Text | null = null,
  ) {
    this.reading = new StoryWalk(root, now, matches, matchFrom);
    this.records = this.reading.records;
  }

  /** Works until `deadline` (by `now`); true when the verdict is ready. */
  step(deadline: number): boolean {
    const sliceStart = this.now();
    while (this.phase !== 'done') {
      if (this.phase === 'choose') {
        // The choice cannot stop halfway: on a long page it starts a slice of its own.
        if (this.records.length > CHOOSE_IN_OWN_SLICE && this.now() - sliceStart > 1) return false;
        if (!this.choose()) {
          this.result = { ...NO_STORY, social: this.social };
          this.phase = 'done';
          return true;
        }
      }
      const finished =
        this.phase === 'walk'
          ? this.walk(deadline)
          : this.phase === 'totals'
            ? this.totals(deadline)
            : this.phase === 'natures'
              ? this.natures(deadline)
              : this.phase === 'scores'
                ? this.scores(deadline)
                : this.phase === 'exclude'
                  ? this.exclude(deadline)
                  : true;
      if (!finished) return false;
      if (this.phase === 'exclude') {
        this.result = this.storyVerdict();
        this.phase = 'done';
        return true;
      }
      if (this.phase === 'walk' && this.reading.matched.length === 0) {
        this.phase = 'done';
        this.result = UNDECIDED;
        return true;
      }
      this.phase = NEXT_PHASE[this.phase];
      this.pass.cursor = 0;
      if (this.now() >= deadline) return false;
    }
    return true;
  }

  verdict(): StoryVerdict {
    if (this.result === null) throw new Error('the story detector has not finished');
    return this.result;
  }

  /**
   * The text nodes `matches` accepted, in document order. Text the detector never reads (scripts,
   * styles, form controls, hidden subtrees) is not among them; the scanner never reads it either.
   */
  matchedTexts(): readonly Text[] {
    return this.reading.matched;
  }

  /** The open shadow roots the walk read (as their hosts' content). */
  shadowRoots(): readonly ShadowRoot[] {
    return this.reading.shadowRoots;
  }

  /** What `matches` answered for each of `matchedTexts`, in the same order. */
  matchedFound(): readonly Found[] {
    return this.reading.found;
  }

  private walk(deadline: number): boolean {
    return this.reading.walk(deadline);
  }

  private totals(deadline: number): boolean {
    return sumTotals(this.records, this.pass, deadline, this.now);
  }

  private natures(deadline: number): boolean {
    return decideNatures(this.records, this.pass, deadline, this.now, this.hints, this.social);
  }

  private scores(deadline: number): boolean {
    return scoreParagraphs(this.records, this.pass, deadline, this.now, this.candidates);
  }

  /**
   * The story's containers, or false when the page has none. Share and social elements on the
   * paths of matched text are added to `social` either way.
   */
  private choose(): boolean {
    const rootChars = this.records[0]?.chars ?? 0;
    const { matched, matchedRecords } = this.reading;
    matched.forEach((text, i) => {
      judgeInlinePath(
        text,
        matchedRecords[i] as Tally,
        rootChars,
        this.hints,
        this.inlineNotStory,
        this.social,
      );
      markShareBar(matchedRecords[i] as Tally, this.shareBars, this.social);
    });
    const roots = chooseStory(this.records, this.candidates);
    if (roots === null) return false;
    this.storyRoots = roots;
    this.inStory = new Uint8Array(this.records.length);
    for (const root of roots) this.inStory[root.index] = 1;
    return true;
  }

  private exclude(deadline: number): boolean {
    return excludeInsideStory(
      this.records,
      this.pass,
      deadline,
      this.now,
      this.inStory as Uint8Array,
      this.inlineNotStory,
      this.notStory,
    );
  }

  private storyVerdict(): StoryVerdict {
    const roots = this.storyRoots;
    return {
      roots: roots.map((record) => record.element),
      notStory: this.notStory,
      social: this.social,
      storyChars: roots.reduce((sum, record) => sum + record.proseChars, 0),
    };
  }
}

/**
 * Decides in one go, every text counting as matched (tests, and callers that do not need to
 * yield): every inline element with text is judged too.
 */
export function detectStory(root: Element, now: () => number = () => 0): StoryVerdict {
  const detector = new StoryDetector(root, now, () => true);
  detector.step(Number.POSITIVE_INFINITY);
  return detector.verdict();
}
