import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { createAdapter } from "./adapter";
import { databaseKind, databaseUrl } from "./url";

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
  return databaseKind(url) === "sqlite"
    ? new SqliteClient({ adapter, ...clientOptions })
    : (new PostgresClient({ adapter, ...clientOptions }) as unknown as Db);
}

const globalForDb = globalThis as unknown as { palimpsestDb?: Db };

/** The process-wide client, kept on globalThis so development reloads reuse one connection pool. */
export const db: Db = globalForDb.palimpsestDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.palimpsestDb = db;
