/**
 * A hostile page's view of Firewall Lens. `pageWatcher(eventNames)` makes the script to install
 * before the page's own (what the page sees from its first line on); `probePage` runs later in the
 * page's main world with what the package tells it (package-contents.ts) and returns everything it
 * found, as sentences. Both are self-contained: the drivers send their source text.
 */

export interface ProbeInput {
  highlightNames: string[];
  rules: { selector: string; properties: string[] }[];
  /** Every file of the package at the extension's own URL. */
  urls: string[];
}

interface ProbeState {
  globals: string[];
  events: string[];
  mutations: string[];
  styleSheets: number;
  tags: string[];
}

/**
 * An init script that records the window's own property names, every `message` event and every
 * event named in `eventNames` on window and document, and, from DOMContentLoaded on, every DOM
 * mutation, the number of style sheets and the tag names present.
 */
export function pageWatcher(eventNames: string[]): () => void {
  const body = `(${installPageWatcher.toString()})(${JSON.stringify(eventNames)});`;
  return new Function(body) as () => void;
}

function installPageWatcher(eventNames: string[]): void {
  const state: ProbeState = {
    globals: Object.getOwnPropertyNames(window),
    events: [],
    mutations: [],
    styleSheets: -1,
    tags: [],
  };
  Object.defineProperty(window, '__probeState', { value: state });
  window.addEventListener('message', (event) => {
    state.events.push(`message ${JSON.stringify(event.data).slice(0, 120)}`);
  });
  for (const name of eventNames) {
    window.addEventListener(name, () => state.events.push(`event ${name}`), true);
    document.addEventListener(name, () => state.events.push(`event ${name}`), true);
  }
  document.addEventListener('DOMContentLoaded', () => {
    state.styleSheets = document.styleSheets.length;
    state.tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName))];
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        state.mutations.push(`${record.type} on ${target.nodeName} ${record.attributeName ?? ''}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Runs in the page: everything that gives Firewall Lens away, or [] when nothing does. */
export async function probePage(input: ProbeInput): Promise<string[]> {
  const state = (window as unknown as { __probeState?: ProbeState }).__probeState;
  if (!state) return ['the page watcher did not run'];
  const findings: string[] = [];

  // What the page saw happen.
  for (const mutation of state.mutations) findings.push(`DOM: ${mutation}`);
  for (const event of state.events) findings.push(`heard: ${event}`);
  const initial = new Set(state.globals);
  for (const name of Object.getOwnPropertyNames(window)) {
    if (!initial.has(name) && name !== '__probeState') findings.push(`global: ${name}`);
  }
  if (document.styleSheets.length !== state.styleSheets) {
    findings.push(`document.styleSheets: ${state.styleSheets} -> ${document.styleSheets.length}`);
  }
  if (document.adoptedStyleSheets.length > 0) {
    findings.push(`adopted style sheets: ${document.adoptedStyleSheets.length}`);
  }
  const knownTags = new Set(state.tags);
  for (const element of document.querySelectorAll('*')) {
    if (element.shadowRoot) findings.push(`shadow root on <${element.localName}>`);
    if (!knownTags.has(element.localName)) findings.push(`new element <${element.localName}>`);
  }

  // The highlight registry, and the styles of every name known from the package or seen there.
  const registered: string[] = [];
  CSS.highlights.forEach((_highlight, name) => {
    registered.push(name);
  });
  if (registered.length > 0) findings.push(`CSS.highlights: ${registered.join(', ')}`);
  const target = document.getElementById('probe-target') ?? document.body;
  const highlightProperties = [
    'color',
    'background-color',
    'text-decoration-line',
    'text-decoration-color',
    'text-decoration-style',
    'text-decoration-thickness',
    'text-shadow',
    '-webkit-text-stroke-width',
  ];
  const styleOf = (element: Element, pseudo: string | null) => {
    const style = getComputedStyle(element, pseudo);
    return highlightProperties.map((property) => style.getPropertyValue(property)).join('|');
  };
  for (const element of [document.documentElement, target]) {
    const none = styleOf(element, '::highlight(zz-probe-nothing)');
    for (const name of new Set([...input.highlightNames, ...registered])) {
      const style = styleOf(element, `::highlight(${name})`);
      if (style !== none) findings.push(`style of ::highlight(${name}) on <${element.localName}>`);
    }
  }

  // Every style rule of the package, on elements built to match it: once in the page's light DOM,
  // where a stylesheet of the extension would apply, and once in a shadow root, where no document
  // stylesheet reaches. The page itself has no stylesheet.
  const longhands = ['color', 'background-color', 'display', 'position', 'font-size', 'opacity'];
  const build = (selector: string, root: ParentNode): Element | null => {
    const bare = selector
      .replace(/::?[\w-]+\((?:[^()]|\([^()]*\))*\)/g, '')
      .replace(/::?[\w-]+/g, '')
      .trim();
    let parent: ParentNode = root;
    let element: Element | null = null;
    for (const compound of bare.split(/\s*[>+~]\s*|\s+/).filter(Boolean)) {
      const tag = /^[a-zA-Z][\w-]*/.exec(compound)?.[0] ?? 'div';
      if (tag === 'html' || tag === 'body' || tag === 'head') continue;
      element = document.createElement(tag);
      for (const [, id] of compound.matchAll(/#([\w-]+)/g)) element.id = id ?? '';
      for (const [, name] of compound.matchAll(/\.([\w-]+)/g)) element.classList.add(name ?? '');
      for (const [, attr, value] of compound.matchAll(
        /\[([\w-]+)(?:[~|^$*]?=["']?([^"'\]]*)["']?)?\]/g,
      )) {
        element.setAttribute(attr ?? '', value ?? '');
      }
      element.textContent = 'x';
      parent.append(element);
      parent = element;
    }
    return element;
  };
  const lab = document.createElement('div');
  const shadowHost = document.createElement('div');
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  document.body.append(lab, shadowHost);
  try {
    for (const { selector, properties } of input.rules) {
      if (selector.includes('::highlight')) continue;
      const inPage = build(selector, lab);
      const inShadow = build(selector, shadow);
      if (!inPage || !inShadow) continue;
      for (const property of new Set([...properties, ...longhands])) {
        const pageValue = getComputedStyle(inPage).getPropertyValue(property);
        const shadowValue = getComputedStyle(inShadow).getPropertyValue(property);
        if (pageValue !== shadowValue) {
          findings.push(`rule ${selector} applies (${property}: ${pageValue})`);
          break;
        }
      }
    }
  } finally {
    lab.remove();
    shadowHost.remove();
  }
  // The probe's own elements are the page's doing: forget them once the observer has reported.
  await new Promise((resolve) => setTimeout(resolve, 0));
  state.mutations.length = 0;

  // The package's files at their extension URLs: none may load from a web page.
  const loads = await Promise.allSettled(
    input.urls.map(async (url) => {
      const response = await fetch(url);
      return `${url} ${response.status}`;
    }),
  );
  for (const load of loads) {
    if (load.status === 'fulfilled') findings.push(`fetched ${load.value}`);
  }
  return findings;
}
