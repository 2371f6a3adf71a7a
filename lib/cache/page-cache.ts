import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import type { ReaderClass } from "../auth/reader-class";
import { redisPrefix, sharedRedis } from "./redis";
import { SharedPages, type SharedVersion, type StoredPage } from "./shared-pages";

/** How long a captured page is served before the next request goes back to Next.js. */
export const PAGE_CACHE_TTL_MS = 60_000;
/** Pages invalidated of late, remembered so renders begun before are not kept; past this many, all are forgotten at once. */
const MAX_REMEMBERED_INVALIDATIONS = 10_000;
/** How long a request waits for a render of its page already under way before rendering it itself. */
const RENDER_WAIT_MS = 5_000;

/**
 * The most the cache keeps, in bytes of pages (`PAGE_CACHE_MB`, 256 by default): past it, the
 * pages read longest ago make room. A page counts its body, its headers and its entry's own keep.
 */
export function pageCacheBudget(env: Record<string, string | undefined> = process.env): number {
  const megabytes = Number(env.PAGE_CACHE_MB);
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 256) * 1024 * 1024;
}

/** Request headers that make Next.js answer with something other than the plain page. */
const VARYING_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "range"];

/**
 * An article: the same for everyone until the page changes (what differs per reader is filled in
 * by the browser), which invalidates it with the views below.
 */
const ARTICLE = /^\/wiki\/[^/?]+$/;
/**
 * A page's history, diffs and old revisions: the same for every reader of one class (anonymous,
 * or a role), which decides the tools offered and whether text waiting for review is shown.
 */
const VIEW = /^\/wiki\/[^/?]+(?:\/history(?:\?before=\d+)?|\/diff\?[\w=&]*|\?rev=\d+)$/;
/**
 * Search results: the same for every reader of one class until any page changes, which drops them
 * all (reviewers may find text waiting for review).
 */
const SEARCH = /^\/search\?[^#]*$/;
const SEARCH_GROUP = "/search";
/** Most search results kept at once, so that many different queries never push articles out. */
const MAX_SEARCH_ENTRIES = 500;
/** What an entry costs beside its body and headers: its objects, its key and its place in the map (measured). */
const ENTRY_OVERHEAD = 512;

/** The memory a kept page takes, about. */
function entryCost(key: string, entry: StoredPage): number {
  let headers = 0;
  for (const [name, value] of entry.headers) headers += name.length + (Array.isArray(value) ? value.join("").length : value.length);
  return ENTRY_OVERHEAD + key.length + headers + entry.body.length;
}

/**
 * The chunks of a body in one buffer of its own size. (`Buffer.concat` carves a small body out of
 * Node's shared 8 KB pool, whose whole slab a kept page would then keep alive.)
 */
export function ownBuffer(chunks: Buffer[]): Buffer {
  const body = Buffer.allocUnsafeSlow(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) at += chunk.copy(body, at);
  return body;
}

/** The class an article is kept under: everyone reads the same one. */
const EVERYONE = "*";

/**
 * The encoding Next.js's compression answers this request with when the page is large enough to
 * compress (it prefers gzip to deflate), or null when the client accepts none of them.
 */
function negotiatedEncoding(headers: IncomingMessage["headers"]): string | null {
  const negotiator = new Negotiator({ headers });
  const method = negotiator.encoding(["gzip", "deflate", "identity"]);
  if (method === "deflate" && negotiator.encoding(["gzip"])) return negotiator.encoding(["gzip", "identity"]) ?? null;
  return method ?? null;
}

/** Whether the client accepts a response sent with this `Content-Encoding` (none: identity). */
function accepts(headers: IncomingMessage["headers"], contentEncoding: string | null): boolean {
  return new Negotiator({ headers }).encoding([contentEncoding ?? "identity"]) !== undefined;
}

/**
 * The key a request is cached under, or null when it must go to Next.js: only GET and HEAD
 * requests for articles, their history views and search results. Articles are kept once for
 * everyone; the rest once per reader class (`readerClass`, null when it is not known: then they
 * are not cached). The key holds the encoding the client negotiates, so a response compressed one
 * way is only ever served to clients that asked alike.
 */
export function pageCacheKey(method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"], readerClass: ReaderClass | null): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url || !mayBeCached(url)) return null;
  const path = url.includes("?") ? url : url.replace(/\/+$/, "");
  const audience = ARTICLE.test(path) ? EVERYONE : readerClass && (VIEW.test(path) || SEARCH.test(path)) ? readerClass : null;
  if (!audience || VARYING_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const encoding = negotiatedEncoding(headers);
  return encoding ? `${encoding} ${audience} ${path}` : null;
}

/** Whether the front cache may keep this address for some reader (cheap: tells when to work out the reader's class). */
export const mayBeCached = (url: string) => url.startsWith("/wiki/") || url.startsWith("/search?");

/** The path in a key (after its encoding and audience). */
const keyPath = (key: string) => key.slice(key.indexOf(" ", key.indexOf(" ") + 1) + 1);
/** The article (`/wiki/<id>`) a cached path belongs to; every search belongs to one group. */
const articleOf = (path: string) => (SEARCH.test(path) ? SEARCH_GROUP : (/^\/wiki\/[^/?]+/.exec(path)?.[0] ?? path));

/**
 * An in-memory cache of whole article responses in front of Next.js, so readers are served
 * without running the framework at all. It only keeps complete, successful answers to GET requests
 * that set no cookie, and is emptied for a page whenever that page changes (here or, through the
 * invalidation feed, on another server). A HEAD request is answered from a stored GET, never stored
 * itself (its body is empty).
 *
 * With a shared cache (Redis), what one server renders is stored there too, and a page missing here
 * is looked for there before it is rendered. An invalidation drops the shared renderings before
 * this server's, so nothing read from the shared cache before is kept here after.
 */
export class PageCache {
  private entries = new Map<string, StoredPage>();
  /** Counts invalidations, so a render that began before one is never stored after it. */
  private generation = 0;
  private clearedAt = 0;
  private invalidatedAt = new Map<string, number>();
  /** Bytes the kept pages take (see entryCost); the entries are in the order they were last read. */
  private bytes = 0;
  private searches = 0;
  /** Renders under way, by key, each with what its waiting requests wait on. */
  private rendering = new Map<string, { done: Promise<void>; finish: () => void }>();
  private waits = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBytes: number = pageCacheBudget(),
    private readonly shared: SharedPages | null = null,
  ) {}

  /** Answers the request from this server's cache; false when the caller must handle it. */
  serve(req: IncomingMessage, res: ServerResponse, key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.now() - entry.storedAt > PAGE_CACHE_TTL_MS) {
      this.remove(key);
      return false;
    }
    // Read last, so it is the last to make room.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return send(req, res, entry, "hit");
  }

  /**
   * Answers the request from the shared cache, keeping the page here too unless it was invalidated
   * meanwhile; false when the caller must render it (no shared cache, nothing there, or it failed).
   */
  async serveShared(req: IncomingMessage, res: ServerResponse, key: string): Promise<boolean> {
    if (!this.shared) return false;
    const startedAt = this.generation;
    const entry = await this.shared.get(articleOf(keyPath(key)), key).catch(reportSharedFailure);
    if (!entry) return false;
    if (req.method === "GET" && !this.invalidatedSince(keyPath(key), startedAt)) this.keep(key, entry);
    return send(req, res, entry, "shared");
  }

  /**
   * Waits for a render of this page already under way, then answers from what it kept; or, when
   * none is, marks the caller's own render as the one others wait for (the caller then renders and
   * captures it). Requests arriving together for a page not kept yet render it once, not once each,
   * as Varnish's request coalescing and nginx's `proxy_cache_lock` do. False when the caller must
   * render: its own render, a wait past `RENDER_WAIT_MS`, or a render that kept nothing (an error,
   * a page invalidated meanwhile).
   */
  async serveAfterRender(req: IncomingMessage, res: ServerResponse, key: string): Promise<boolean> {
    if (req.method !== "GET") return false;
    const underWay = this.rendering.get(key);
    if (!underWay) {
      let finish = () => {};
      const done = new Promise<void>((resolve) => (finish = resolve));
      this.rendering.set(key, { done, finish });
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    this.waits++;
    await Promise.race([underWay.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, RENDER_WAIT_MS).unref()))]);
    this.waits--;
    clearTimeout(timer);
    return this.serve(req, res, key);
  }

  /**
   * Watches the response Next.js writes to a GET request and keeps it once it has been sent in
   * full, when it is a cacheable page and its page was not invalidated while it was rendered.
   * With a shared cache it first reads what the render must not outlive; without one it returns
   * having set everything up, so the caller need not wait.
   */
  async capture(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    if (req.method !== "GET") return;
    const startedAt = this.generation;
    const article = articleOf(keyPath(key));
    // Once the response is kept (or not), the requests waiting for this render go on.
    res.once("close", () => {
      const underWay = this.rendering.get(key);
      this.rendering.delete(key);
      underWay?.finish();
    });
    const sharedVersion: SharedVersion | null = this.shared ? await this.shared.version(article).catch(reportSharedFailure) : null;
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
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    // "finish" fires only once the whole response was handed to the socket: an aborted one is not kept.
    res.once("finish", () => {
      if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return;
      if (this.invalidatedSince(keyPath(key), startedAt)) return;
      const body = ownBuffer(chunks);
      const declared = res.getHeader("content-length");
      if (body.length === 0 || (declared !== undefined && Number(declared) !== body.length)) return;
      const entry = this.store(key, res, body);
      if (sharedVersion !== null) void this.shared!.put(article, key, entry, sharedVersion).catch(reportSharedFailure);
    });
  }

  private invalidatedSince(path: string, generation: number): boolean {
    return this.clearedAt > generation || (this.invalidatedAt.get(articleOf(path)) ?? 0) > generation;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entryCost(key, entry);
    if (articleOf(keyPath(key)) === SEARCH_GROUP) this.searches--;
    this.entries.delete(key);
  }

  /** Keeps a response Next.js has sent; gives what was kept. */
  private store(key: string, res: ServerResponse, body: Buffer): StoredPage {
    const headers = Object.entries(res.getHeaders())
      .filter(([name]) => !["transfer-encoding", "connection", "keep-alive", "date", "content-length", "x-nextjs-cache", "vary"].includes(name))
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)] as [string, string | string[]]);
    headers.push(["content-length", String(body.length)]);
    // Entries differ by the encoding asked for; caches further along must keep them apart too.
    const vary = new Set(
      String(res.getHeader("vary") ?? "")
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    );
    vary.add("Accept-Encoding");
    headers.push(["vary", [...vary].join(", ")]);
    const etag = res.getHeader("etag");
    const encoding = res.getHeader("content-encoding");
    const entry = { status: res.statusCode, headers, body, etag: etag ? String(etag) : null, encoding: encoding ? String(encoding) : null, storedAt: this.now() };
    this.keep(key, entry);
    return entry;
  }

  private keep(key: string, entry: StoredPage) {
    this.remove(key);
    const cost = entryCost(key, entry);
    if (cost > this.maxBytes) return;
    for (const oldest of this.entries.keys()) {
      if (this.bytes + cost <= this.maxBytes) break;
      this.remove(oldest);
    }
    const search = articleOf(keyPath(key)) === SEARCH_GROUP;
    if (search && this.searches >= MAX_SEARCH_ENTRIES) this.remove([...this.entries.keys()].find((k) => articleOf(keyPath(k)) === SEARCH_GROUP)!);
    this.entries.set(key, entry);
    this.bytes += cost;
    if (search) this.searches++;
  }

  /**
   * Forgets the cached responses for these articles (`/wiki/<id>`) and their history views, and
   * every search result (a change to any page may change what a search finds): in the shared cache
   * first, then here. Without a shared cache, it is done when this returns.
   */
  invalidate(paths: string[]): Promise<void> {
    const articles = [...paths.map((p) => articleOf(p.replace(/\/+$/, ""))), SEARCH_GROUP];
    return this.sharedFirst(
      (shared) => shared.invalidate(articles),
      () => this.forget(articles),
    );
  }

  /** Runs `local` after `shared` on the shared cache (failing or not), or at once without one. */
  private sharedFirst(shared: (pages: SharedPages) => Promise<void>, local: () => void): Promise<void> {
    if (!this.shared) return Promise.resolve(local());
    return shared(this.shared).catch(reportSharedFailure).then(local);
  }

  private forget(articles: string[]): void {
    this.generation++;
    // Remembering every page ever invalidated would grow without end; forgetting them all at once
    // only means refusing to store the renders that are in flight right now.
    if (this.invalidatedAt.size > MAX_REMEMBERED_INVALIDATIONS) {
      this.invalidatedAt.clear();
      this.clearedAt = this.generation;
    }
    for (const article of articles) this.invalidatedAt.set(article, this.generation);
    for (const key of this.entries.keys()) {
      if (articles.includes(articleOf(keyPath(key)))) this.remove(key);
    }
  }

  /** Forgets every cached response, in the shared cache first. Without one, it is done when this returns. */
  clear(): Promise<void> {
    return this.sharedFirst(
      (shared) => shared.clear(),
      () => this.forgetAll(),
    );
  }

  /**
   * Forgets what this server (`id`) may have missed while it did not hear invalidations (at its start,
   * after a lost connection): every page it keeps, and the shared ones unless another server heard
   * everything meanwhile (see `SharedPages.heardThroughout`).
   */
  async forgetUnheard(id: string): Promise<void> {
    const heard = this.shared ? await this.shared.heardThroughout(id).catch(() => false) : false;
    if (!heard) return this.clear();
    this.forgetAll();
  }

  /** Tells the other servers that this one (`id`) has heard every invalidation since `since`, or no longer hears them (null). */
  async listening(id: string, since: number | null): Promise<void> {
    await (since === null ? this.shared?.notListening(id) : this.shared?.listening(id, since))?.catch(reportSharedFailure);
  }

  private forgetAll(): void {
    this.generation++;
    this.clearedAt = this.generation;
    this.invalidatedAt.clear();
    this.entries.clear();
    this.bytes = 0;
    this.searches = 0;
  }

  /** Requests waiting for a render under way. */
  get waiting(): number {
    return this.waits;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the pages kept take (see entryCost). */
  get byteSize(): number {
    return this.bytes;
  }
}

/** Sends a kept page, saying in `X-Cache` where it came from. */
function send(req: IncomingMessage, res: ServerResponse, entry: StoredPage, from: "hit" | "shared"): boolean {
  if (!accepts(req.headers, entry.encoding)) return false;
  if (entry.etag && req.headers["if-none-match"] === entry.etag) {
    res.writeHead(304, { ETag: entry.etag, Vary: "Accept-Encoding", "X-Cache": from });
    res.end();
    return true;
  }
  const headers = entry.headers.flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]])).flat();
  res.writeHead(entry.status, [...headers, "X-Cache", from]);
  res.end(req.method === "HEAD" ? undefined : entry.body);
  return true;
}

/** A shared cache that fails is worked around (a miss, a render not shared) and said once. */
let sharedFailureSaid = false;
function reportSharedFailure(error: unknown): null {
  if (!sharedFailureSaid) console.error("The shared page cache failed; rendering without it:", error);
  sharedFailureSaid = true;
  return null;
}

const globalForCache = globalThis as unknown as { palimpsestPageCache?: PageCache };

/**
 * The process's page cache, sharing its pages through Redis when `REDIS_URL` is set. The server
 * and the app's code are bundled separately, so the one instance lives on globalThis where both
 * find it.
 */
export function pageCache(): PageCache {
  if (!globalForCache.palimpsestPageCache) {
    const redis = sharedRedis();
    globalForCache.palimpsestPageCache = new PageCache(Date.now, pageCacheBudget(), redis && new SharedPages(redis, redisPrefix(), PAGE_CACHE_TTL_MS));
  }
  return globalForCache.palimpsestPageCache;
}
