/** Pages for `sweep.mjs --self-test`; the broken extension misbehaves on all but clean.html. */

const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>self-test</title></head><body>${body}</body></html>`;

export function selfTestPages() {
  return new Map([
    [
      '/broken.html',
      page(`<header><nav><a href="/">Home</a> <a href="/vpn">VPN guide</a></nav></header>
<main><article><h1>Story</h1><p>People use a VPN to reach Facebook.</p></article></main>
<div aria-hidden="true">Hidden Twitter text</div>
<footer><p>Follow us on YouTube</p></footer>`),
    ],
    ['/clean.html', page('<main><article><p>Nothing to see here.</p></article></main>')],
  ]);
}
