import type { IncomingMessage, ServerResponse } from "node:http";

/** How long a captured page is served before the next request goes back to Next.js. */
export const PAGE_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  etag: string | null;
  storedAt: number;
}

/** Request headers that make Next.js answer with something other than the plain page. */
const VARYING_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "range"];
/** Cookies that mark a signed-in reader, whose pages may differ from the anonymous one. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/** An article: Next.js caches these itself (ISR), and marks them so. */
const ARTICLE = /^\/wiki\/[^/?]+$/;
/**
 * A page's history views (its history, its diffs, its old revisions): rendered on request, but the
 * same for every anonymous reader until the page changes, which invalidates them with the article.
 */
const HISTORY_VIEW = /^\/wiki\/[^/?]+(?:\/history(?:\?before=\d+)?|\/diff\?[\w=&]*|\?rev=\d+)$/;

/**
 * The key a request is cached under, or null when it must go to Next.js: only anonymous GET and
 * HEAD requests for articles and their history views, in one of two encodings.
 */
export function pageCacheKey(method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"]): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url?.startsWith("/wiki/")) return null;
  const path = url.includes("?") ? url : url.replace(/\/+$/, "");
  if (!ARTICLE.test(path) && !HISTORY_VIEW.test(path)) return null;
  if (VARYING_HEADERS.some((h) => headers[h] !== undefined)) return null;
  if (SESSION_COOKIE.test(headers.cookie ?? "")) return null;
  const gzip = /\bgzip\b/.test(String(headers["accept-encoding"] ?? ""));
  return `${gzip ? "gzip" : "identity"} ${path}`;
}

const keyPath = (key: string) => key.slice(key.indexOf(" ") + 1);

/**
 * An in-memory cache of whole article responses in front of Next.js, so anonymous readers are
 * served without running the framework at all. It only keeps what Next.js itself marked as a
 * cached (ISR) page, and is emptied for a page whenever that page is revalidated.
 */
export class PageCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Answers the request from the cache; false when the caller must handle it. */
  serve(req: IncomingMessage, res: ServerResponse, key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.now() - entry.storedAt > PAGE_CACHE_TTL_MS) {
      this.entries.delete(key);
      return false;
    }
    if (entry.etag && req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, { ETag: entry.etag });
      res.end();
      return true;
    }
    res.writeHead(entry.status, entry.headers.flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]])).flat());
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Watches the response Next.js writes and keeps it when it is a cacheable page. */
  capture(res: ServerResponse, key: string): void {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const cacheState = res.getHeader("x-nextjs-cache");
      const cacheable = HISTORY_VIEW.test(keyPath(key)) || cacheState === "HIT" || cacheState === "STALE" || cacheState === "MISS";
      if (res.statusCode === 200 && cacheable && !res.hasHeader("set-cookie")) this.store(key, res, Buffer.concat(chunks));
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
  }

  private store(key: string, res: ServerResponse, body: Buffer) {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const headers = Object.entries(res.getHeaders())
      .filter(([name]) => !["transfer-encoding", "connection", "keep-alive", "date", "content-length", "x-nextjs-cache"].includes(name))
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)] as [string, string | string[]]);
    headers.push(["content-length", String(body.length)]);
    const etag = res.getHeader("etag");
    this.entries.set(key, { status: res.statusCode, headers, body, etag: etag ? String(etag) : null, storedAt: this.now() });
  }

  /** Forgets the cached responses for these articles (`/wiki/<id>`) and their history views. */
  invalidate(paths: string[]): void {
    const articles = paths.map((p) => p.replace(/\/+$/, ""));
    for (const key of this.entries.keys()) {
      const path = keyPath(key);
      if (articles.some((a) => path === a || path.startsWith(`${a}/`) || path.startsWith(`${a}?`))) this.entries.delete(key);
    }
  }

  /** Forgets every cached response. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const globalForCache = globalThis as unknown as { palimpsestPageCache?: PageCache };

/**
 * The process's page cache. The server and the app's code are bundled separately, so the one
 * instance lives on globalThis where both find it.
 */
export function pageCache(): PageCache {
  globalForCache.palimpsestPageCache ??= new PageCache();
  return globalForCache.palimpsestPageCache;
}
