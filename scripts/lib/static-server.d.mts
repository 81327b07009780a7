// Types for the browser tests (TypeScript) that share this server with the Node scripts.
export interface StaticServerOptions {
  /** Served at `/`. */
  root?: string;
  /** Generated pages by URL path ("/large.html"), served before any file. */
  pages?: Map<string, string>;
  /** Headers on every response (e.g. a CSP that blocks the pages' own scripts). */
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export function startStaticServer(options?: StaticServerOptions): Promise<StaticServer>;
