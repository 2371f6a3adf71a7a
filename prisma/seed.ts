// Tunes the database, seeds a new install with the example article, and indexes for search (and
// records where files are used in) the pages of a site from before either was kept. Safe to run on every start: re-importing unchanged text makes no revision.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { closeSharedRedis } from "../lib/cache/redis";
import { createDb, tuneDatabase } from "../lib/db";
import { importDokuWikiPage } from "../lib/wiki/import";
import { ensureMediaUses } from "../lib/wiki/media";
import { ensureSearchIndex } from "../lib/wiki/search";

const EXAMPLE = path.join(import.meta.dirname, "seed", "gpt_5_2.txt");

const db = createDb();
try {
  await tuneDatabase(db);
  const indexed = await ensureSearchIndex(db);
  if (indexed) console.log(`Indexed ${indexed} pages for search.`);
  const figures = await ensureMediaUses(db);
  if (figures) console.log(`Recorded where files are used in ${figures} revisions.`);
  const result = await importDokuWikiPage(db, { markup: await readFile(EXAMPLE, "utf8"), fileName: EXAMPLE });
  if (result.status === "created") console.log(`Seeded ${result.pageId} (revision ${result.number}).`);
} finally {
  await db.$disconnect();
  await closeSharedRedis();
}
