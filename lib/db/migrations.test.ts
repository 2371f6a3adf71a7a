import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { TEST_DATA_DIR } from "../../test/databases";
import { describeOnEachDatabase } from "../../test/with-databases";
import { createDb } from ".";
import { pendingMigrations } from "./migrations";

describeOnEachDatabase("pending migrations", (database) => {
  it("finds none on a migrated database, and names one whose record is gone", async () => {
    const { db, url } = database();
    expect(await pendingMigrations(db, url)).toEqual([]);
    const [last] = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${last.migration_name}`;
    expect(await pendingMigrations(db, url)).toEqual([last.migration_name]);
  });
});

it("finds every migration pending on a new SQLite file", async () => {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const url = `file:${path.join(TEST_DATA_DIR, `fresh-${Date.now()}.db`)}`;
  const db = createDb(url);
  const pending = await pendingMigrations(db, url);
  await db.$disconnect();
  expect(pending.length).toBeGreaterThan(10);
  expect(pending).toEqual([...pending].sort());
});

// Prisma's migrate wants SQLite's file alone, and fails while another process (a running server,
// an import) has it open in WAL mode even with nothing to apply: `npm start` asks this first.
it("is read while another connection holds the SQLite file", async () => {
  const { db, url, drop } = await import("../../test/databases").then((m) => m.createTestDatabase("sqlite"));
  const file = url.slice("file:".length);
  const other = new Database(file);
  other.pragma("journal_mode = WAL");
  other.prepare(`SELECT count(*) FROM "Page"`).get();
  try {
    expect(await pendingMigrations(db, url)).toEqual([]);
  } finally {
    other.close();
    await drop();
  }
});
