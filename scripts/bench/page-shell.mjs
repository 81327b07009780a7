/**
 * The chrome around the bench's generated articles: a site header with navigation, an aside and a
 * footer, as on a news site. Brand names appear in the navigation and footer ("Follow us on
 * Facebook") because real sites do that and the scanner must skip those regions.
 */

export function escapeHtml(text) {
  return text.replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch],
  );
}

const NAV_SECTIONS = ['World', 'China', 'Business', 'Technology', 'Opinion', 'Culture', 'Sport'];

export function siteHeader(siteName) {
  const links = NAV_SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('');
  return `<header class="site-header">
<a class="logo" href="/">${escapeHtml(siteName)}</a>
<nav aria-label="Sections"><ul>${links}</ul></nav>
<div class="share">Share on <a href="/share/facebook">Facebook</a> or <a href="/share/twitter">Twitter</a></div>
<form role="search"><input type="search" name="q" value="VPN"><button>Search</button></form>
</header>`;
}

export function siteFooter(siteName) {
  return `<footer class="site-footer">
<p>Follow ${escapeHtml(siteName)} on Facebook, Twitter and YouTube.</p>
<nav aria-label="Footer"><a href="/about">About</a> · <a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></nav>
<p>© 2026 ${escapeHtml(siteName)}</p>
</footer>`;
}

export function htmlDocument({ title, lang = 'en', body }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 18px/1.5 Georgia, serif; margin: 0 auto; max-width: 46rem; padding: 0 1rem; }
.site-header nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
aside { border-left: 3px solid #ccc; padding-left: 1rem; font-size: 0.9em; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
