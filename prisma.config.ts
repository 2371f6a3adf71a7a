import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter } from "./lib/db/adapter";
import { databaseKind, databaseUrl, sqlitePath } from "./lib/db/url";

// The database is chosen by DATABASE_URL (never by --schema): see docs/decisions/0002-two-databases.md.
const url = databaseUrl();
const kind = databaseKind(url);
if (kind === "sqlite") mkdirSync(path.dirname(path.resolve(sqlitePath(url))), { recursive: true });

export default defineConfig({
  schema: path.join("prisma", kind),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => createAdapter(url, { forMigrations: true }),
  migrations: { path: path.join("prisma", kind, "migrations") },
});
