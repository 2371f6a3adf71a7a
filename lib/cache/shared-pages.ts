import type { Redis } from "ioredis";
import { deleteKeys } from "./redis";

/** A page response as the page cache keeps it. */
export interface StoredPage {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  etag: string | null;
  /** The `Content-Encoding` the body was sent with; null for none. */
  encoding: string | null;
  storedAt: number;
}

/** What a render read before it began: a page is stored only while it is still the same. */
export type SharedVersion = string;

/**
 * Stores `ARGV[2]` under field `ARGV[1]` of the article's hash when neither the site's epoch nor the
 * article's version moved since the render began (`ARGV[3]`, as `version` read them).
 */
const PUT = `
if (redis.call('GET', KEYS[1]) or '0') .. ':' .. (redis.call('GET', KEYS[2]) or '0') ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1`;

/** How long an article's version is remembered after its last change: far longer than any render. */
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;

/** How often a server listening to invalidations says so, and after how long without a word it counts as gone. */
export const LISTENER_BEAT_MS = 2_000;
export const LISTENER_GONE_MS = 3 * LISTENER_BEAT_MS;

/**
 * The page cache that every server on a site shares, in Redis: a page one server rendered is
 * served by the others without rendering it again.
 *
 * Each article (`/wiki/<id>`, or the group of all search results) is a hash of its renderings, by
 * the same keys as the local cache. Beside it, a version counts the article's invalidations and an
 * epoch counts the times everything was dropped. A render reads both before it begins, and its page
 * is stored only if neither moved meanwhile, in one script, so a render that began before a change
 * is never stored after it, whichever server made the change.
 */
export class SharedPages {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private pagesKey = (article: string) => `${this.prefix}pages:${article}`;
  private versionKey = (article: string) => `${this.prefix}version:${article}`;
  private get epochKey() {
    return `${this.prefix}epoch`;
  }
  private get listenersKey() {
    return `${this.prefix}listeners`;
  }

  /** The stored rendering, if any and not older than the cache keeps pages. */
  async get(article: string, key: string): Promise<StoredPage | null> {
    const stored = await this.redis.hgetBuffer(this.pagesKey(article), key);
    if (!stored) return null;
    const page = decode(stored);
    return Date.now() - page.storedAt > this.ttlMs ? null : page;
  }

  /** What a render must read before it begins, to be stored after (see `put`). */
  async version(article: string): Promise<SharedVersion> {
    const [epoch, version] = await this.redis.mget(this.epochKey, this.versionKey(article));
    return `${epoch ?? "0"}:${version ?? "0"}`;
  }

  /** Stores a rendering unless its article was invalidated since `version` was read; says whether it was. */
  async put(article: string, key: string, page: StoredPage, version: SharedVersion): Promise<boolean> {
    const stored = await this.redis.eval(PUT, 3, this.epochKey, this.versionKey(article), this.pagesKey(article), key, encode(page), version, String(this.ttlMs));
    return stored === 1;
  }

  /** Drops the renderings of these articles, and refuses renders that began before. */
  async invalidate(articles: string[]): Promise<void> {
    const batch = this.redis.multi();
    for (const article of new Set(articles)) {
      batch.incr(this.versionKey(article)).pexpire(this.versionKey(article), VERSION_TTL_MS).del(this.pagesKey(article));
    }
    await batch.exec();
  }

  /** Says that server `id` has heard every invalidation since `since` (ms), and still hears them. */
  async listening(id: string, since: number): Promise<void> {
    await this.redis.hset(this.listenersKey, id, `${since}:${Date.now()}`);
  }

  /** Says that server `id` no longer hears invalidations. */
  async notListening(id: string): Promise<void> {
    await this.redis.hdel(this.listenersKey, id);
  }

  /**
   * Whether another server has heard every invalidation through the whole life of every page stored
   * now: it has listened, without a break, for longer than a page is kept, and still does. Each
   * listening server drops the stored pages of each change it hears, so those pages are right, and a
   * server that was not listening (starting, or reconnecting) need not drop them.
   */
  async heardThroughout(id: string, now = Date.now()): Promise<boolean> {
    const listeners = await this.redis.hgetall(this.listenersKey);
    const gone: string[] = [];
    let heard = false;
    for (const [other, value] of Object.entries(listeners)) {
      const [since, seen] = value.split(":").map(Number);
      if (!(now - seen <= LISTENER_GONE_MS)) gone.push(other);
      else if (other !== id && now - since > this.ttlMs) heard = true;
    }
    if (gone.length) await this.redis.hdel(this.listenersKey, ...gone);
    return heard;
  }

  /** Drops every rendering, and refuses every render that began before. */
  async clear(): Promise<void> {
    await this.redis.incr(this.epochKey);
    await deleteKeys(this.redis, this.pagesKey(""));
  }
}

/** A page as one buffer: the length of its fields as JSON, the JSON, then the body. */
function encode(page: StoredPage): Buffer {
  const { body, ...fields } = page;
  const json = Buffer.from(JSON.stringify(fields));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, body]);
}

function decode(stored: Buffer): StoredPage {
  const length = stored.readUInt32BE(0);
  const fields = JSON.parse(stored.subarray(4, 4 + length).toString()) as Omit<StoredPage, "body">;
  return { ...fields, body: stored.subarray(4 + length) };
}
