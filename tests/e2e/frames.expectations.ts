/**
 * Stories in frames (docs/detection.md, Frames), written once; `frames.<browser>.e2e.ts` launch
 * the browser. One load of each page serves every test: a same-origin explainer iframe below the
 * fold, and a page with twenty cross-origin ad frames beside one cross-origin story frame (the
 * second origin is a second port on 127.0.0.1).
 */
import { expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server.mjs';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import { badgeTextInExtensionPage, sendMessage, tabIdOf } from './harness/extension-pages';
import type { PageDriver } from './harness/page-driver';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { poll, waitForEqual } from './harness/poll';
import { mentionButtonCenter, openPopupOver, popupMentionRows } from './harness/popup-suite';

interface FramesEnv {
  explainer: PageDriver;
  ads: PageDriver;
  control: PageDriver;
  other: StaticServer;
}

/** Runs in the top page: the text of every highlighted range in the explainer iframe. */
function explainerMarks(): string[] | null {
  const frame = document.getElementById('explainer') as HTMLIFrameElement | null;
  const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined;
  if (!win) return null;
  if (win.document.readyState !== 'complete') return null;
  const texts: string[] = [];
  win.CSS.highlights.forEach((highlight) => {
    highlight.forEach((range) => {
      const live = win.document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      texts.push(live.toString());
    });
  });
  return texts.sort();
}

/** Runs in the top page: the id of the card open in the explainer, and whether the frame shows. */
function explainerCard(): { card: string | null; frameInView: boolean } {
  const frame = document.getElementById('explainer') as HTMLIFrameElement;
  const rect = frame.getBoundingClientRect();
  const dialog = frame.contentDocument
    ?.querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  return {
    card: dialog?.getAttribute('data-card-id') ?? null,
    frameInView: rect.top < window.innerHeight && rect.bottom > 0,
  };
}

async function badgeOf(control: PageDriver, page: PageDriver): Promise<string> {
  const tabId = await tabIdOf(page, control);
  return (await control.evaluate(badgeTextInExtensionPage, tabId)) as string;
}

export function framesTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { popupCanCloseItself }: { popupCanCloseItself: boolean },
): void {
  const env = browserForSuite(launch, async ({ session, origin }): Promise<FramesEnv> => {
    // Another port is another origin: the ads and the embedded story are cross-origin frames.
    const other = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    const explainer = await session.openPage(`${origin}/frames-explainer.html`);
    const ads = await session.openPage(
      `${origin}/frames-ads.html?other=${encodeURIComponent(other.origin)}`,
    );
    const control = await session.openExtensionPage('options.html');
    return { explainer, ads, control, other };
  });

  it('marks the two mentions in a same-origin explainer iframe', async () => {
    const { explainer } = env();
    await waitForEqual(() => explainer.evaluate(explainerMarks), ['Great Firewall', 'VPN'], {
      message: 'the explainer iframe marked',
    });
  });

  it('counts the iframe\'s mentions on the badge and in "On this page", and the jump reaches one', async () => {
    const { session, explainer, control } = env();
    // One mention in the top page and two in the frame.
    await waitForEqual(() => badgeOf(control, explainer), '3', {
      message: 'the badge to count the frame',
    });
    const popup = await openPopupOver(session, explainer);
    await waitForEqual(
      () => popup.evaluate(popupMentionRows),
      [
        ['Great Firewall', '2 mentions'],
        ['VPN', '1 mention'],
      ],
      { message: "the popup to list the frame's mentions with the page's" },
    );
    // VPN is only in the frame, which sits below the fold of the top page.
    const button = await poll(() => popup.evaluate(mentionButtonCenter, 'VPN'), {
      message: 'the VPN row',
    });
    await popup.click(button.x, button.y);
    if (popupCanCloseItself) {
      await poll(() => popup.isClosed(), { timeout: 5_000, message: 'the popup to close itself' });
    }
    if (!popup.isClosed()) await popup.close();
    await explainer.bringToFront();
    let last: unknown;
    const shown = await poll(
      async () => {
        const state = await explainer.evaluate(explainerCard);
        last = state;
        return state.card !== null && state.frameInView && state;
      },
      { timeout: 5_000, message: "the VPN card open in the frame, scrolled into the page's view" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; shown: ${JSON.stringify(last)}`);
    });
    expect(shown.card).toBe('vpn');
    await explainer.keyPress('Escape');
  });

  it('marks a cross-origin story frame and none of twenty ad frames beside it', async () => {
    const { ads, control, other } = env();
    // The story frame has two mentions; each ad has one ("VPN"), which a marker would count.
    await waitForEqual(() => badgeOf(control, ads), '2', { message: 'the story frame counted' });
    const tabId = await tabIdOf(ads, control);
    const frames = (await sendMessage(control, { type: 'tab-frames', tabId })) as {
      value: number[];
    };
    expect(frames.value).toHaveLength(1);
    // Ads load at their own pace: the count must still be the story's a moment later.
    await new Promise((settle) => setTimeout(settle, 1_000));
    expect(await badgeOf(control, ads)).toBe('2');
    await other.close();
  });
}
