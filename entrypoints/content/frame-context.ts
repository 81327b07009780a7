/**
 * Where this copy of the content script runs: the top page, or a sub-frame the frame gate let in
 * (entrypoints/frame-gate/, common/frame-rules.ts). A frame follows the settings of the
 * site in the address bar, which is the page the reader sees and switches off in the popup, not
 * the frame's own host (an explainer served from a CDN would otherwise need a switch of its own).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '../../common/messaging';
import { StoryDetector } from './marking/story-detector';

/** A slice of the story test; the page keeps its frame rate. */
const SLICE_MS = 8;

export interface FrameContext {
  /** The address whose site the settings are decided for. */
  siteUrl(): Promise<string>;
  /** Whether marking may start: a cross-origin frame must hold a story first. */
  mayMark(ctx: ContentScriptContext): Promise<boolean>;
}

function readTopUrl(): string | null {
  try {
    return window.top?.location.href ?? null;
  } catch {
    return null;
  }
}

export function frameContext(win: Window, doc: Document): FrameContext {
  if (win === win.top) {
    return { siteUrl: async () => win.location.href, mayMark: async () => true };
  }
  const sameOrigin = readTopUrl() !== null;
  let story: Promise<boolean> | undefined;
  return {
    async siteUrl() {
      // Read each time: the top page may have moved on (a single-page app) since the last change.
      const top = readTopUrl() ?? (await askBackground({ type: 'top-url' }).catch(() => null));
      // Unknown: the frame's own address is the best guess, and its site's switch still applies.
      return top ?? win.location.href;
    },
    mayMark(ctx) {
      if (sameOrigin) return Promise.resolve(true);
      story ??= holdsStory(ctx, doc);
      return story;
    },
  };
}

/** Whether the story detector finds a story in the document, in slices of at most SLICE_MS. */
async function holdsStory(ctx: ContentScriptContext, doc: Document): Promise<boolean> {
  const body = doc.body;
  if (body === null) return false;
  const now = () => performance.now();
  const detector = new StoryDetector(body, now, () => true);
  while (!detector.step(now() + SLICE_MS)) {
    await new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
    if (ctx.isInvalid) return false;
  }
  return detector.verdict().roots.length > 0;
}
