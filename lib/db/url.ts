/** Where the data lives when nothing is configured: a SQLite file under data/. */
export const DEFAULT_DATABASE_URL = "file:./data/palimpsest.db";

export type DatabaseKind = "sqlite" | "postgres";

/** The configured database URL, or the embedded SQLite default. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Which engine a URL names: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

/** The file path of a `file:` URL, resolved against the current directory. */
export function sqlitePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}
