import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

// The header's charset wins over a page's <meta>: right for the corpus, whose files are all UTF-8
// whatever they claim (qq.html says gb2312).
const CONTENT_TYPES: Record<string, string> = {
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

export interface StaticServerOptions {
  /** Served at `/`. */
  root: string;
  /** More directories under a URL prefix, e.g. `{ '/corpus/': READABILITY_CORPUS_DIR }`. */
  mounts?: Record<string, string>;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Maps a URL path to a file inside one of the served directories, or null (never escapes them). */
function resolveFile(urlPath: string, options: StaticServerOptions): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const mounts = Object.entries(options.mounts ?? {}).sort(([a], [b]) => b.length - a.length);
  const [prefix, dir] = mounts.find(([prefix]) => path.startsWith(prefix)) ?? ['/', options.root];
  const root = resolve(dir);
  const file = resolve(root, `.${sep}${path.slice(prefix.length)}`);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * A static file server for fixture pages, on 127.0.0.1 only (the browsers under test can reach
 * nothing else). GET and HEAD of regular files; everything else is a 404 or 405.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveFile(new URL(request.url ?? '/', 'http://127.0.0.1').pathname, options);
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
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        // Browsers keep connections alive; without this, close() waits for their timeout.
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
