// Test databases: a migrated base of each kind, made once per run, and a fresh copy per test file.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import type { DatabaseKind } from "../lib/db/url";

// TEST_RUN_ID keeps runs apart when several test one checkout at once.
const RUN_ID = (process.env.TEST_RUN_ID ?? "").replace(/\W/g, "");
export const TEST_DATA_DIR = path.resolve("data/test", RUN_ID);
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// One base per checkout, so two checkouts on one machine can test at once.
const BASE_NAME = `palimpsest_test_base_${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}${RUN_ID ? `_${RUN_ID}` : ""}`;

/** Refuses to touch anything but a PostgreSQL server on this machine. */
export function assertLocalPostgres(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests only run against a local PostgreSQL server, not ${host}.`);
  }
}

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLocalPostgres(POSTGRES_ADMIN_URL);
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `prisma migrate deploy`, as `npm run db:migrate` runs it. */
async function migrate(url: string) {
  await promisify(execFile)(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url } });
}

/** Makes the migrated base databases both kinds copy from, the two at once. */
export async function createBaseDatabases() {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const file = path.join(TEST_DATA_DIR, "base.db");
  rmSync(file, { force: true });
  await Promise.all([
    migrate(`file:${file}`),
    (async () => {
      await admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${BASE_NAME}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${BASE_NAME}"`);
      });
      await migrate(postgresUrl(BASE_NAME));
    })(),
  ]);
}

export async function dropBaseDatabases() {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${BASE_NAME}" WITH (FORCE)`));
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
}

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  db: Db;
  drop: () => Promise<void>;
}

let counter = 0;

/** A fresh, migrated, empty database of the given kind, for one test file. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (kind === "sqlite") {
    const file = path.join(TEST_DATA_DIR, `${name}.db`);
    copyFileSync(path.join(TEST_DATA_DIR, "base.db"), file);
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      kind,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        rmSync(file, { force: true });
      },
    };
  }
  const database = `palimpsest_${name}`;
  await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${BASE_NAME}"`));
  const url = postgresUrl(database);
  const db = createDb(url);
  return {
    kind,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}

export const DATABASE_KINDS: DatabaseKind[] = ["sqlite", "postgres"];
