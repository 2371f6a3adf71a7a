// Empties the database named by DATABASE_URL (deletes the SQLite file, or drops and recreates the
// PostgreSQL database) so end-to-end tests and benchmarks start from a new install.
import { rmSync } from "node:fs";
import pg from "pg";
import { databaseKind, databaseUrl, sqlitePath } from "../lib/db/url";

const url = databaseUrl();
if (databaseKind(url) === "sqlite") {
  const file = sqlitePath(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
} else {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "::1"].includes(target.hostname)) {
    throw new Error(`Refusing to reset a database on ${target.hostname}: only local databases are reset.`);
  }
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await client.end();
}
