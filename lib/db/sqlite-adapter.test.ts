import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import { tuneDatabase } from ".";

describe("the SQLite connection", () => {
  let database: TestDatabase;
  let other: Database.Database;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await tuneDatabase(database.db);
    // Another process's connection (an import from the command line), which does not wait.
    other = new Database(database.url.slice("file:".length), { timeout: 0 });
  });

  afterAll(async () => {
    other.close();
    await database.drop();
  });

  it("takes the write lock when a transaction begins, so a write elsewhere cannot make it stale", async () => {
    const { db } = database;
    await db.$transaction(async (tx) => {
      await tx.setting.findMany();
      expect(() => other.prepare(`INSERT INTO "Setting" (key, value) VALUES ('elsewhere', '1')`).run()).toThrow(/locked|busy/i);
      await tx.setting.create({ data: { key: "inside", value: "1" } });
    });
    expect(await db.setting.findUnique({ where: { key: "inside" } })).not.toBeNull();
    expect(await db.setting.findUnique({ where: { key: "elsewhere" } })).toBeNull();
  });

  it("runs a query made outside an open transaction after it, not inside it", async () => {
    const { db } = database;
    let started!: () => void;
    let finish!: () => void;
    const hasWritten = new Promise<void>((resolve) => (started = resolve));
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const failing = db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: "rolled-back", value: "1" } });
      started();
      await mayFinish;
      throw new Error("the transaction fails");
    });
    await hasWritten;
    const outside = db.setting.create({ data: { key: "outside", value: "1" } });
    let settled = false;
    void outside.finally(() => (settled = true));
    // Give the outside write every chance to reach the connection before the transaction ends.
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finish();
    await expect(failing).rejects.toThrow("the transaction fails");
    await outside;
    expect(await db.setting.findUnique({ where: { key: "rolled-back" } })).toBeNull();
    expect(await db.setting.findUnique({ where: { key: "outside" } })).not.toBeNull();
  });
});
