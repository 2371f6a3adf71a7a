import { createMediaServices } from "../lib/media";
import { readMediaConfig } from "../lib/media/config";
import { runWiki } from "../scripts/wiki-commands";
import type { TestDatabase } from "./databases";

/** Runs `npm run wiki -- …` in this process against the test database, collecting what it says. */
export async function wiki(database: TestDatabase, ...args: string[]) {
  return wikiWith({}, database, ...args);
}

/** The same, with environment variables of the media store's configuration. */
export async function wikiWith(env: Record<string, string>, database: TestDatabase, ...args: string[]) {
  const [stdout, stderr]: string[][] = [[], []];
  const code = await runWiki(args, {
    databaseUrl: database.url,
    media: () => createMediaServices(readMediaConfig({ ...process.env, ...env })),
    log: (line) => stdout.push(`${line}\n`),
    error: (line) => stderr.push(`${line}\n`),
    progress: { isTTY: false, write: (text) => stderr.push(text) },
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}
