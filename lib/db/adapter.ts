import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { SerialSqlite } from "./sqlite-adapter";
import { databaseKind, sqlitePath } from "./url";

// PostgreSQL catalog types the 6.19 pg adapter cannot map; Prisma's migration engine reads them.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCatalogTypesAsText(res: QueryResultLike | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return res;
}

/** A pg client that reports catalog `name` and `"char"` columns as text, as Prisma expects. */
class CatalogTextClient extends pg.Client {
  // pg's overloads make a typed override impractical: the pool calls the callback form,
  // a direct client the promise form.
  query(...args: unknown[]): never {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (err: unknown, res: QueryResultLike) => callback(err, reportCatalogTypesAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(reportCatalogTypesAsText) : result) as never;
  }
}

export function postgresConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  // Separate fields, not a connection string: Prisma's shadow database overrides `database`.
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    max: Number(u.searchParams.get("connection_limit") ?? 10),
    allowExitOnIdle: true,
  };
}

/** The Prisma driver adapter for a database URL (used by the app and by the Prisma CLI). */
export function createAdapter(url: string, { forMigrations = false } = {}) {
  if (databaseKind(url) === "sqlite") {
    // Migrations run alone, with Prisma's own locking; the app's connections are serialised.
    return forMigrations ? new PrismaBetterSQLite3({ url: sqlitePath(url) }) : new SerialSqlite(sqlitePath(url));
  }
  const config = postgresConfig(url);
  return new PrismaPg(forMigrations ? { ...config, Client: CatalogTextClient } : config);
}
