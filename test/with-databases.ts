import { afterAll, beforeAll, describe, onTestFinished } from "vitest";
import type { DatabaseKind } from "../lib/db/url";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./databases";

/**
 * Runs a suite once per supported database, each on a fresh migrated database of its own.
 * The suite receives a getter, since the database exists only once `beforeAll` has run.
 */
export function describeOnEachDatabase(name: string, suite: (database: () => TestDatabase) => void) {
  describe.each(DATABASE_KINDS)(`${name} (%s)`, (kind) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.drop();
    });
    suite(() => {
      if (!database) throw new Error("The test database is not ready.");
      return database;
    });
  });
}

/**
 * A fresh, migrated, empty database of this engine for one test alone, dropped when the test ends:
 * for tests of what a whole site holds (its first account, its library, a whole import or export).
 */
export async function databaseOfItsOwn(kind: DatabaseKind): Promise<TestDatabase> {
  const own = await createTestDatabase(kind);
  onTestFinished(() => own.drop());
  return own;
}
