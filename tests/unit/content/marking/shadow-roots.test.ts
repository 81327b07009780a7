/**
 * Stories rendered by web components in open shadow roots (issue #24): read, judged and marked
 * as their host's content, followed when they change, and never our own UI host's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PainterEnvironment } from '../../../../entrypoints/content/marking/highlight-painter';
import {
  createPageMarker,
  type PageMarker,
} from '../../../../entrypoints/content/marking/page-marker';
import { detectStory } from '../../../../entrypoints/content/marking/story-detector';
import { registerUiHost } from '../../../../entrypoints/content/own-hosts';
import { FakeHighlight, fakeRange } from '../../support/fake-highlight';
import { realMatcher } from '../../support/real-cards';
import { waitFor } from '../../support/wait-for';

const matcher = realMatcher();

let registry: Map<string, FakeHighlight>;
let marker: PageMarker | undefined;

const environment = (): PainterEnvironment<FakeHighlight> => ({
  registry: {
    set: (name, highlight) => registry.set(name, highlight),
    delete: (name) => registry.delete(name),
  },
  createHighlight: () => new FakeHighlight(),
  createRange: fakeRange,
});

/** The marked words, sorted. */
function painted(): string[] {
  const out: string[] = [];
  for (const highlight of registry.values()) {
    for (const range of highlight.ranges) {
      out.push((range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
    }
  }
  return out.sort();
}

async function scan(): Promise<PageMarker> {
  marker = createPageMarker({
    document,
    matcher,
    highlightToken: 'firewall-lens',
    markStyle: 'underline',
    markMode: 'all',
    stealth: false,
    painterEnvironment: environment(),
  });
  await marker.scan();
  return marker;
}

const PROSE =
  'Reporters in the city spent the week talking to shop owners, students and retired teachers ' +
  'about how their daily routines have changed, and what they expect from the coming months, ' +
  'as the new rules take effect and officials promise more details about what follows next.';

/** A story paragraph with one mention in it. */
const paragraph = (mention: string) => `<p>${PROSE} Many said ${mention} mattered to them.</p>`;

const STORY = [paragraph('Twitter'), paragraph('a VPN'), paragraph('Weibo'), paragraph('Telegram')];

/** A host element with an open (or closed) shadow root holding `html`. */
function component(tag: string, html: string, mode: ShadowRootMode = 'open'): HTMLElement {
  const host = document.createElement(tag);
  host.attachShadow({ mode }).innerHTML = html;
  return host;
}

/** The page's chrome around `story`: a navigation and a footer, both naming platforms. */
function page(story: HTMLElement): void {
  document.body.innerHTML =
    '<nav><a href="/a">Home</a> <a href="/b">YouTube tips</a></nav><div id="slot"></div>' +
    '<footer><p>Follow us, we are not on Facebook.</p></footer>';
  document.getElementById('slot')?.replaceWith(story);
}

beforeEach(() => {
  registry = new Map();
});

afterEach(() => {
  marker?.stop();
  marker = undefined;
  document.body.innerHTML = '';
});

describe('stories in open shadow roots', () => {
  it('marks every mention of a story a web component renders in its open shadow root', async () => {
    page(component('news-story', `<article><h1>The week</h1>${STORY.join('')}</article>`));
    await scan();
    expect(painted()).toEqual(['Telegram', 'Twitter', 'VPN', 'Weibo']);
  });

  it('judges a shadow story by its host: the story wins over the chrome around the host', () => {
    page(component('news-story', `<div>${STORY.join('')}</div>`));
    const verdict = detectStory(document.body);
    expect(verdict.roots.length).toBeGreaterThan(0);
    const story = verdict.roots[0] as Element;
    // The chosen container is the component or lies in its shadow tree, never the nav or footer.
    const host = document.querySelector('news-story') as HTMLElement;
    expect(story === host || story.getRootNode() === host.shadowRoot).toBe(true);
  });

  it('reads nested components: a paragraph component inside the story component', async () => {
    const inner = STORY.map((html) => `<story-paragraph data-html="${encodeURIComponent(html)}">`);
    const outer = component(
      'news-story',
      `<article>${inner.join('</story-paragraph>')}</story-paragraph></article>`,
    );
    for (const child of outer.shadowRoot?.querySelectorAll('story-paragraph') ?? []) {
      child.attachShadow({ mode: 'open' }).innerHTML = decodeURIComponent(
        child.getAttribute('data-html') ?? '',
      );
    }
    page(outer);
    await scan();
    expect(painted()).toEqual(['Telegram', 'Twitter', 'VPN', 'Weibo']);
  });

  it('marks a paragraph the component adds inside its shadow root after the first scan', async () => {
    const host = component('news-story', `<article>${STORY.slice(0, 3).join('')}</article>`);
    page(host);
    const current = await scan();
    expect(current.store.total()).toBe(3);
    host.shadowRoot?.querySelector('article')?.insertAdjacentHTML('beforeend', STORY[3] as string);
    await waitFor(() => expect(painted()).toEqual(['Telegram', 'Twitter', 'VPN', 'Weibo']));
  });

  it('marks a component the page adds later, and what it adds inside it after that', async () => {
    document.body.innerHTML = `<main><article>${STORY[0]}</article></main>`;
    const current = await scan();
    expect(current.store.total()).toBe(1);
    const late = component('story-update', `<section>${STORY[1]}</section>`);
    document.querySelector('article')?.append(late);
    await waitFor(() => expect(current.store.total()).toBe(2));
    late.shadowRoot?.querySelector('section')?.insertAdjacentHTML('beforeend', STORY[2] as string);
    await waitFor(() => expect(painted()).toEqual(['Twitter', 'VPN', 'Weibo']));
  });

  it('finds a story that exists only in a shadow root on a page whose light DOM names nothing', async () => {
    document.body.innerHTML = '<p>Welcome.</p><div id="slot"></div>';
    document
      .getElementById('slot')
      ?.replaceWith(component('news-story', `<article>${STORY.join('')}</article>`));
    await scan();
    expect(painted()).toHaveLength(4);
  });

  it("leaves a component in the site's footer unread, as the footer's own text is", async () => {
    document.body.innerHTML = `<main><article>${STORY[0]}${STORY[1]}${STORY[2]}</article></main><footer></footer>`;
    document
      .querySelector('footer')
      ?.append(component('site-social', '<p>Find us on Telegram and YouTube.</p>'));
    await scan();
    expect(painted()).toEqual(['Twitter', 'VPN', 'Weibo']);
  });

  it('leaves text hidden by attribute inside a shadow root out of the story', async () => {
    const host = component(
      'news-story',
      `<article>${STORY.slice(0, 3).join('')}<div hidden>${paragraph('Telegram')}</div></article>`,
    );
    page(host);
    await scan();
    expect(painted()).toEqual(['Twitter', 'VPN', 'Weibo']);
  });

  it('leaves a closed shadow root unmarked, without an error, and marks the rest', async () => {
    document.body.innerHTML = `<main><article>${STORY[0]}${STORY[1]}${STORY[2]}</article></main>`;
    document
      .querySelector('article')
      ?.append(component('sealed-box', `<p>${PROSE} Telegram.</p>`, 'closed'));
    await scan();
    expect(painted()).toEqual(['Twitter', 'VPN', 'Weibo']);
  });

  it("never reads our own UI host's shadow root, even when it is open", async () => {
    document.body.innerHTML = `<main><article>${STORY[0]}</article></main>`;
    const ours = component(
      'firewall-lens-ui',
      '<p>Telegram: a messaging app blocked since 2015.</p>',
    );
    registerUiHost(ours);
    document.body.append(ours);
    await scan();
    expect(painted()).toEqual(['Twitter']);
  });

  it('reads the light children a slot shows, after the shadow content', async () => {
    const slotted = component('story-frame', `<article>${STORY[2]}<slot></slot></article>`);
    slotted.innerHTML = STORY.slice(0, 2).join('');
    document.body.innerHTML = '<main></main>';
    document.querySelector('main')?.append(slotted);
    await scan();
    // (Light children no slot shows are skipped: happy-dom has no assignedSlot, the browser
    // tests check that.)
    expect(painted()).toEqual(['Twitter', 'VPN', 'Weibo']);
  });
});
