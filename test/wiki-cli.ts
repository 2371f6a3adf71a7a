import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestDatabase } from "./databases";

const run = promisify(execFile);

/** Runs `npm run wiki -- …` as a user would, against the test database. */
export async function wiki(database: TestDatabase, ...args: string[]) {
  return wikiWith({}, database, ...args);
}

export async function wikiWith(env: Record<string, string>, database: TestDatabase, ...args: string[]) {
  try {
    // As `npm run wiki` runs it, without npm's and tsx's own processes in between.
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/wiki.ts", ...args], { env: { ...process.env, DATABASE_URL: database.url, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

