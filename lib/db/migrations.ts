// Which of the project's migrations a database has yet to apply. `npm start` runs Prisma's
// migrate only when one is pending: Prisma's migrate takes SQLite's file for itself (exclusive
// locking), which a server or a command already holding the file would refuse.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from ".";
import { databaseKind } from "./url";

/** The names of the migrations in `prisma/<kind>/migrations` the database has not finished, oldest first. */
export async function pendingMigrations(db: Db, url: string): Promise<string[]> {
  const folder = path.join("prisma", databaseKind(url), "migrations");
  const all = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRaw`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    return all; // A database never migrated has no table of migrations.
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return all.filter((name) => !done.has(name));
}
