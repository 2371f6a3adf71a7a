import { type EntryStore, formatEntries } from "../content/citation-format";
import type { CitationStyleId } from "../content/citation-styles";
import { type SourceFieldsForCsl, toCslItem } from "../content/csl";
import { type DbOrTx, insertChunks, Prisma } from "../db";
import { getSiteSetting } from "./settings";

/** The site's citation style. */
export function getCitationStyle(db: DbOrTx): Promise<CitationStyleId> {
  return getSiteSetting(db, "citationStyle");
}

/**
 * Entries formatted before, kept in the database for every server and every start: an entry's key
 * names its content, so rows are only ever added (a second writer of one finds it there).
 */
function storedEntries(db: DbOrTx): EntryStore {
  return {
    read: async (keys) => new Map((await db.formattedEntry.findMany({ where: { key: { in: keys } } })).map((row) => [row.key, row.html])),
    write: async (entries) => {
      // In the order of their keys, so that two servers storing some of the same entries at once
      // take PostgreSQL's locks on them in the same order: one may wait for the other, never both.
      const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const rows of insertChunks(sorted)) {
        await db.$executeRaw`INSERT INTO "FormattedEntry" ("key", "html") VALUES ${Prisma.join(rows.map(([key, html]) => Prisma.sql`(${key}, ${html})`))} ON CONFLICT ("key") DO NOTHING`;
      }
    },
  };
}

/** Each source formatted as a bibliography entry in the given style or the site's, as safe HTML, by id. */
export async function formatSources(db: DbOrTx, sources: Iterable<SourceFieldsForCsl>, style?: CitationStyleId): Promise<Map<string, string>> {
  const items = [...sources].map(toCslItem);
  if (!items.length) return new Map();
  return formatEntries(items, style ?? (await getCitationStyle(db)), storedEntries(db));
}
