// `npm start`: build when the build is missing or older than the code, apply pending migrations,
// import the example article, and serve (PORT, default 3000) on the configured database.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db";
import { pendingMigrations } from "../lib/db/migrations";
import { databaseKind, databaseUrl } from "../lib/db/url";

const BUILD_INPUTS = ["app", "components", "lib", "next.config.mjs", "package.json", "tsconfig.json"];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => name !== "generated" && !name.startsWith("."))
      .map((name) => newestChange(path.join(entry, name))),
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = path.join(".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (!builtAt || Math.max(...BUILD_INPUTS.map(newestChange)) > builtAt) {
  console.log("Building Palimpsest…");
  run("npx", ["next", "build"]);
}

const url = databaseUrl();
console.log(`Database: ${databaseKind(url) === "sqlite" ? url : "PostgreSQL"}`);
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" };
// Without a configured public address, sign-in redirects follow the address the browser used.
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= "true";
// A server or a command already using the database keeps running meanwhile when nothing is pending.
const db = createDb(url);
const pending = await pendingMigrations(db, url);
await db.$disconnect();
if (pending.length) run("npx", ["prisma", "migrate", "deploy"], env);
run("npx", ["tsx", "prisma/seed.ts"], env);
run("npx", ["tsx", "scripts/server.ts"], env);
