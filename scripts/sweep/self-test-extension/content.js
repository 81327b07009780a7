// Deliberately broken on broken.html (and quiet on clean.html): every line is something the sweep
// must catch.
if (location.pathname.endsWith('/broken.html')) {
  const mark = (selector, name) => {
    const element = document.querySelector(selector);
    const text = element?.firstChild;
    if (text?.nodeType !== 3) return;
    const highlight = CSS.highlights.get(name) ?? new Highlight();
    highlight.add(
      new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 }),
    );
    CSS.highlights.set(name, highlight);
  };
  mark('nav a[href="/vpn"]', 'firewall-lens-circumvention');
  mark('footer p', 'firewall-lens-blocked-platform');
  mark('[aria-hidden] ', 'firewall-lens-blocked-platform');
  mark('article p', 'firewall-lens-circumvention');
  document.body.append(document.createElement('span'));
  console.error('self-test console error');
  setTimeout(() => {
    throw new Error('self-test boom');
  }, 0);
}
