import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { createAdapter } from "./adapter";
import { type DatabaseKind, databaseKind, databaseUrl } from "./url";

/** Raw SQL fragments (`Prisma.sql`, `Prisma.join`), the same for either client. */
export { Prisma } from "./generated/sqlite/client";

/**
 * Both generated clients share one model file; the SQLite client's types (the smaller feature set)
 * describe either.
 */
const clientOptions = { omit: { user: { passwordHash: true } } } as const;
export type Db = SqliteClient<never, typeof clientOptions.omit>;
/** A transaction client, so services can be composed into one unit of work. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type DbOrTx = Db | Tx;

/** A client for the given database URL; tests make one per database. */
export function createDb(url: string = databaseUrl()): Db {
  const adapter = createAdapter(url);
  // Password hashes are left out of every query unless one asks for them by name.
  return databaseKind(url) === "sqlite" ? new SqliteClient({ adapter, ...clientOptions }) : (new PostgresClient({ adapter, ...clientOptions }) as unknown as Db);
}

/**
 * Which engine a client (or a transaction's client) talks to, for the few queries written per
 * engine (full-text search). Prisma keeps it as the client's active provider.
 */
export function dbKind(db: DbOrTx): DatabaseKind {
  return (db as unknown as { _activeProvider: string })._activeProvider === "sqlite" ? "sqlite" : "postgres";
}

/** Rows written per INSERT: well under either engine's limit on bound parameters. */
const ROWS_PER_INSERT = 500;

/** Rows in groups small enough for one INSERT each. */
export function insertChunks<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_, i) => rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT));
}

const globalForDb = globalThis as unknown as { palimpsestDb?: Db };

/**
 * The process-wide client, kept on globalThis in development so reloads reuse one connection pool.
 * In production the front server (its reader classes) and the app's code each have their own.
 */
export const db: Db = globalForDb.palimpsestDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.palimpsestDb = db;

/**
 * What a database keeps for good, set at every start: SQLite's write-ahead log, so readers never
 * wait for a writer (worker processes and the command line share the file well) and a save syncs
 * the disk once instead of twice. PostgreSQL needs nothing.
 */
export async function tuneDatabase(db: Db): Promise<void> {
  if (dbKind(db) === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}

/**
 * Brings the query planner's statistics up to date after a bulk change (a site import, a rebuilt
 * search index). Without them PostgreSQL plans for the tables as they were: after 100,000 pages
 * were added, the start page's query took minutes instead of milliseconds. Its autovacuum would
 * catch up later, where it runs at all; SQLite's `optimize` analyses what needs it.
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  if (dbKind(db) === "postgres") await db.$executeRawUnsafe("ANALYZE");
  else await db.$queryRawUnsafe("PRAGMA optimize");
}
