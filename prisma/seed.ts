// Seeds a new install with the example article. Safe to run on every start: re-importing
// unchanged text makes no revision.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createDb } from "../lib/db";
import { importDokuWikiPage } from "../lib/wiki/import";

const EXAMPLE = path.join(import.meta.dirname, "seed", "gpt_5_2.txt");

const db = createDb();
try {
  const result = await importDokuWikiPage(db, { markup: await readFile(EXAMPLE, "utf8"), fileName: EXAMPLE });
  if (result.status === "created") console.log(`Seeded ${result.pageId} (revision ${result.number}).`);
} finally {
  await db.$disconnect();
}
