import Database from "better-sqlite3";
import pg from "pg";
import { postgresConfig } from "../db/adapter";
import { databaseKind, sqlitePath } from "../db/url";

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

/**
 * An account whose role, block or sessions changed is announced on the same feed, as an entry
 * `account:<id>` beside the paths: servers forget what they knew of its reader class.
 */
const ACCOUNT = "account:";
export const accountEntry = (id: string) => ACCOUNT + id;

/** An invalidation's page paths and account ids, apart. */
export function splitInvalidation(entries: string[]): { paths: string[]; accounts: string[] } {
  const accounts = entries.filter((entry) => entry.startsWith(ACCOUNT));
  return { paths: entries.filter((entry) => !entry.startsWith(ACCOUNT)), accounts: accounts.map((entry) => entry.slice(ACCOUNT.length)) };
}

export const CHANNEL = "palimpsest_invalidation";
/** PostgreSQL's limit on a notification's payload, in bytes; more paths than fit clear everything. */
export const MAX_PAYLOAD = 7_900;

export const encode = (paths: Invalidation) => (paths === "all" ? "*" : JSON.stringify(paths));
function decode(payload: string): Invalidation {
  if (payload === "*") return "all";
  const paths: unknown = JSON.parse(payload);
  return Array.isArray(paths) ? paths.map(String) : "all";
}

export interface InvalidationFollower {
  /** Applies what was published since the last call; cheap enough to call before every cached answer. */
  catchUp(): void;
  /** Since when (ms) everything published has been heard without a break; null while not listening. */
  listeningSince(): number | null;
  close(): Promise<void>;
}

/**
 * Follows what every process publishes on this database, calling `apply` for each invalidation.
 * Whenever it cannot be sure it heard everything (before it listens, after a lost connection), it
 * calls `unheard`: what was published meanwhile is unknown.
 */
export async function followInvalidations(url: string, apply: (paths: Invalidation) => void, unheard: () => void = () => apply("all")): Promise<InvalidationFollower> {
  return databaseKind(url) === "sqlite" ? followSqlite(sqlitePath(url), apply) : followPostgres(url, apply, unheard);
}

function followSqlite(file: string, apply: (paths: Invalidation) => void): InvalidationFollower {
  // Every row published is read in order: nothing is ever missed.
  const since = Date.now();
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
    listeningSince: () => since,
    async close() {
      conn.close();
    },
  };
}

async function followPostgres(url: string, apply: (paths: Invalidation) => void, unheard: () => void): Promise<InvalidationFollower> {
  let client: pg.Client | null = null;
  let listening: number | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(postgresConfig(url));
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      listening = null;
      if (client === next) client = null;
      next.end().catch(() => {});
      unheard();
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
    listening = Date.now();
    unheard();
  };
  await connect();
  return {
    catchUp() {
      // Cut off from the notifications, nothing cached can be trusted.
      if (listening === null) unheard();
    },
    listeningSince: () => listening,
    async close() {
      closed = true;
      clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end();
    },
  };
}
