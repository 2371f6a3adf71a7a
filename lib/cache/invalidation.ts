import Database from "better-sqlite3";
import pg from "pg";
import { type DbOrTx, dbKind } from "../db";
import { postgresConfig } from "../db/adapter";
import { databaseKind, sqlitePath } from "../db/url";
import { pageHref } from "../content/page-id";
import { pagesLinkingTo, redirectsTo } from "../wiki/articles";

/**
 * Cached renderings made stale by a change, told to every running server: the paths of the pages
 * whose renderings changed, or "all" (a change every page shows, such as the citation style).
 *
 * Each engine carries them its own way. On PostgreSQL they are a notification (`NOTIFY`), delivered
 * to every listening server once the change is committed. SQLite has no notifications, but every
 * server shares its file: the change is a row in `CacheInvalidation`, and each server asks SQLite
 * before answering from its cache whether anything was committed since it last looked
 * (`PRAGMA data_version`, a few microseconds), reading the new rows only when something was.
 */
export type Invalidation = string[] | "all";

const CHANNEL = "palimpsest_invalidation";
/** PostgreSQL's limit on a notification's payload, in bytes; more paths than fit clear everything. */
const MAX_PAYLOAD = 7_900;
/** How long SQLite keeps the log: longer than any server takes to read it. */
const KEEP_MS = 60 * 60 * 1000;

const encode = (paths: Invalidation) => (paths === "all" ? "*" : JSON.stringify(paths));
function decode(payload: string): Invalidation {
  if (payload === "*") return "all";
  const paths: unknown = JSON.parse(payload);
  return Array.isArray(paths) ? paths.map(String) : "all";
}

/**
 * The paths whose renderings a change to a page makes stale: the page itself, the redirects that
 * show it and, when the page came into being or went away (its links elsewhere change between
 * "missing" and not), every page linking to it.
 */
export async function stalePaths(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<string[]> {
  const [redirects, linking] = await Promise.all([redirectsTo(db, pageId), existenceChanged ? pagesLinkingTo(db, pageId) : []]);
  return [pageId, ...redirects, ...linking].map((id) => pageHref(id));
}

/** Tells every running server, this one included, to drop these renderings. */
export async function publishInvalidation(db: DbOrTx, paths: Invalidation): Promise<void> {
  if (paths !== "all" && !paths.length) return;
  if (dbKind(db) === "postgres") {
    const payload = Buffer.byteLength(encode(paths)) > MAX_PAYLOAD ? "*" : encode(paths);
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
    return;
  }
  const { id } = await db.cacheInvalidation.create({ data: { paths: encode(paths) }, select: { id: true } });
  if (id % 100 === 0) await db.cacheInvalidation.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
}

export interface InvalidationFollower {
  /** Applies what was published since the last call; cheap enough to call before every cached answer. */
  catchUp(): void;
  close(): Promise<void>;
}

/**
 * Follows what every process publishes on this database, calling `apply` for each invalidation.
 * Whenever it cannot be sure it heard everything (a lost connection), it applies "all".
 */
export async function followInvalidations(url: string, apply: (paths: Invalidation) => void): Promise<InvalidationFollower> {
  return databaseKind(url) === "sqlite" ? followSqlite(sqlitePath(url), apply) : followPostgres(url, apply);
}

function followSqlite(file: string, apply: (paths: Invalidation) => void): InvalidationFollower {
  const conn = new Database(file, { fileMustExist: true });
  const version = conn.prepare("PRAGMA data_version").pluck();
  const newer = conn.prepare<[number], { id: number; paths: string }>(`SELECT "id", "paths" FROM "CacheInvalidation" WHERE "id" > ? ORDER BY "id"`);
  let last = conn.prepare(`SELECT coalesce(max("id"), 0) FROM "CacheInvalidation"`).pluck().get() as number;
  let seen = version.get();
  return {
    catchUp() {
      const now = version.get();
      if (now === seen) return;
      seen = now;
      for (const row of newer.all(last)) {
        last = row.id;
        apply(decode(row.paths));
      }
    },
    async close() {
      conn.close();
    },
  };
}

async function followPostgres(url: string, apply: (paths: Invalidation) => void): Promise<InvalidationFollower> {
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(postgresConfig(url));
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      listening = false;
      if (client === next) client = null;
      next.end().catch(() => {});
      apply("all");
      if (!closed) retry = setTimeout(() => void connect(), 1_000);
    };
    next.on("notification", (message) => {
      if (message.channel === CHANNEL) apply(message.payload ? decode(message.payload) : "all");
    });
    next.on("error", lost);
    next.on("end", lost);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch {
      lost();
      return;
    }
    // Whatever was published before the listening began may not have been heard.
    apply("all");
    listening = true;
  };
  await connect();
  return {
    catchUp() {
      // Cut off from the notifications, nothing cached can be trusted.
      if (!listening) apply("all");
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end();
    },
  };
}
