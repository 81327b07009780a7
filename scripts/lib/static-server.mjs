/**
 * The one static server of the project's browser tooling (bench, sweep, demo and the browser
 * tests): 127.0.0.1 only, since the browsers under test can reach nothing else. GET and HEAD of
 * in-memory pages and regular files; everything else is a 404 or 405, and no path escapes the
 * served directory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

// The header's charset wins over a page's <meta>: right for the corpus, whose files are all UTF-8
// whatever they claim (qq.html says gb2312).
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Maps a decoded URL path to a file inside the served directory, or null. */
function resolveFile(path, { root }) {
  if (path.includes('\0') || !root) return null;
  const base = resolve(root);
  const file = resolve(base, `.${sep}${path.slice(1)}`);
  return file.startsWith(base + sep) ? file : null;
}

function decodePath(url) {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/** @param {import('./static-server.d.mts').StaticServerOptions} options */
export async function startStaticServer(options = {}) {
  const { pages = new Map(), headers = {} } = options;
  const server = createServer(async (request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodePath(request.url);
    const inMemory = path === null ? undefined : pages.get(path);
    if (inMemory !== undefined) {
      response.writeHead(200, {
        'content-type': CONTENT_TYPES['.html'],
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : inMemory);
      return;
    }
    const file = path === null ? null : resolveFile(path, options);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolveClose) => {
        // Browsers keep connections alive; without this, close() waits for their timeout.
        server.closeAllConnections();
        server.close(() => resolveClose(undefined));
      }),
  };
}
