/**
 * A static file server on 127.0.0.1 for the bench and the sweep. Generated pages are served from
 * memory; anything else from `root`. Missing files answer 404 at once, so a page's relative
 * stylesheets and images fail fast.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
};

/**
 * @param {{ root?: string, pages?: Map<string, string>, headers?: Record<string, string> }} options
 *   `pages` maps a URL path ("/large.html") to HTML; `headers` go on every response.
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, pages = new Map(), headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const inMemory = pages.get(path);
    if (inMemory !== undefined) {
      response.setHeader('content-type', TYPES['.html']);
      response.end(inMemory);
      return;
    }
    const file = root ? normalize(join(root, path)) : undefined;
    if (!file?.startsWith(normalize(root) + sep)) {
      response.statusCode = 404;
      response.end();
      return;
    }
    try {
      const body = await readFile(file);
      response.setHeader(
        'content-type',
        TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      );
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
