// Empties the database named by DATABASE_URL (deletes the SQLite file, or drops and recreates the
// PostgreSQL database), and the site's keys in Redis when REDIS_URL is set, so end-to-end tests and
// benchmarks start from a new install.
import { rmSync } from "node:fs";
import pg from "pg";
import { connectRedis, deleteKeys, redisPrefix, redisUrl } from "../lib/cache/redis";
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

// What servers of the old install shared in Redis goes with it.
const redis = redisUrl();
if (redis) {
  const connection = connectRedis(redis);
  await deleteKeys(connection, redisPrefix());
  await connection.quit();
}
