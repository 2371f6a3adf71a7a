// The search index on each engine: SQLite's FTS5 and PostgreSQL's text search, behind one set of
// functions. Only this module knows the index tables (prisma/*/migrations/*_search).
import { type DbOrTx, dbKind, insertChunks, Prisma, type Tx } from "../db";
import { excludedFts5, fts5String, type ParsedQuery, toFts5, toWebSearch, wordHalves } from "./query";

/** One section of a page's text as one audience sees it. */
export interface IndexEntry {
  forReaders: boolean;
  forReviewers: boolean;
  position: number;
  anchor: string;
  heading: string;
  namespace: string;
  title: string;
  body: string;
}

/** Who is searching: readers find what is published; reviewers also find text waiting for review. */
export type Audience = "readers" | "reviewers";

export interface EntryHit {
  pageDbId: number;
  entryId: number;
}

export interface Snippet {
  entryId: number;
  anchor: string;
  heading: string;
  /** The text around the hits, with each hit between \u0002 and \u0003. */
  marked: string;
}

/** Marks the engines put around hits in snippets; removed from indexed text so only they mean it. */
export const HIT_START = "\u0002";
export const HIT_END = "\u0003";
const clean = (text: string) => text.replace(/[\u0002\u0003\uE000\uE001]/g, " ");
/** ts_headline drops what looks like a tag: angle brackets stand in for themselves meanwhile. */
const ANGLES = "\uE000\uE001";

/** What one page contributes to the index: its entries, and its title among suggestions (or not). */
export interface IndexedPage {
  pageDbId: number;
  entries: IndexEntry[];
  /** null: not suggested. */
  suggestedTitle: string | null;
}

/**
 * Replaces what the index holds for these pages with what they contribute now (a page left out
 * of `pages` is no longer found), in a few statements whatever their number. Runs in the caller's
 * transaction.
 */
export async function replacePageEntries(tx: Tx, pageDbIds: number[], pages: IndexedPage[]): Promise<void> {
  const ids = Prisma.join(pageDbIds);
  const rows = pages.flatMap((p) => p.entries.map((e) => ({ pageDbId: p.pageDbId, ...e })));
  if (dbKind(tx) === "sqlite") {
    // Their words leave SearchText and SearchHeads with them (a trigger).
    await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE "pageId" IN (${ids})`;
    await tx.$executeRaw`DELETE FROM "SearchTitle" WHERE rowid IN (${ids})`;
    // SQLite lets one writer in at a time: the ids after the largest are this transaction's to give.
    const [{ last }] = await tx.$queryRaw<{ last: number | bigint | null }[]>`SELECT max(id) AS last FROM "SearchEntry"`;
    let next = Number(last ?? 0);
    const numbered = rows.map((row) => ({ id: ++next, ...row }));
    for (const chunk of insertChunks(numbered)) {
      await tx.$executeRaw`
        INSERT INTO "SearchEntry" ("id", "pageId", "forReaders", "forReviewers", "position", "anchor", "heading", "namespace", "length")
        VALUES ${Prisma.join(chunk.map((e) => Prisma.sql`(${e.id}, ${e.pageDbId}, ${e.forReaders ? 1 : 0}, ${e.forReviewers ? 1 : 0}, ${e.position}, ${e.anchor}, ${e.heading}, ${e.namespace}, ${e.body.length})`))}`;
      await tx.$executeRaw`
        INSERT INTO "SearchText" (rowid, title, heading, body)
        VALUES ${Prisma.join(chunk.map((e) => Prisma.sql`(${e.id}, ${clean(e.title)}, ${clean(e.heading)}, ${clean(e.body)})`))}`;
      await tx.$executeRaw`
        INSERT INTO "SearchHeads" (rowid, title, heading)
        VALUES ${Prisma.join(chunk.map((e) => Prisma.sql`(${e.id}, ${clean(e.title)}, ${clean(e.heading)})`))}`;
    }
    const titles = pages.filter((p) => p.suggestedTitle !== null);
    for (const chunk of insertChunks(titles)) {
      await tx.$executeRaw`INSERT INTO "SearchTitle" (rowid, title) VALUES ${Prisma.join(chunk.map((p) => Prisma.sql`(${p.pageDbId}, ${p.suggestedTitle})`))}`;
    }
    return;
  }
  await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE "pageId" IN (${ids})`;
  for (const chunk of insertChunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "SearchEntry" ("pageId", "forReaders", "forReviewers", "position", "anchor", "heading", "namespace", "title", "body")
      VALUES ${Prisma.join(chunk.map((e) => Prisma.sql`(${e.pageDbId}, ${e.forReaders}, ${e.forReviewers}, ${e.position}, ${e.anchor}, ${clean(e.heading)}, ${e.namespace}, ${clean(e.title)}, ${clean(e.body)})`))}`;
  }
}

/** Whether the index holds nothing at all. */
export async function indexIsEmpty(db: DbOrTx): Promise<boolean> {
  return (await db.$queryRaw<unknown[]>`SELECT 1 FROM "SearchEntry" LIMIT 1`).length === 0;
}

/** Removes what the index holds for pages that no longer exist at all. */
export async function dropEntriesOfRemovedPages(tx: Tx): Promise<void> {
  if (dbKind(tx) === "sqlite") {
    await tx.$executeRaw`DELETE FROM "SearchTitle" WHERE NOT EXISTS (SELECT 1 FROM "Page" p WHERE p.id = "SearchTitle".rowid)`;
  }
  await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE NOT EXISTS (SELECT 1 FROM "Page" p WHERE p.id = "SearchEntry"."pageId")`;
}

/**
 * Merges SQLite's full-text indexes into one segment each, after many pages were indexed at once
 * (a rebuild, a site import): each word's entries are then in one place, which made searches of a
 * hundred thousand pages a quarter faster. PostgreSQL needs nothing (analyzeDatabase).
 */
export async function compactIndex(db: DbOrTx): Promise<void> {
  if (dbKind(db) !== "sqlite") return;
  for (const table of ["SearchText", "SearchHeads", "SearchTitle"]) await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`);
}

/**
 * The query for PostgreSQL, written out where it is used (not in a CTE) so the planner sees the
 * words and picks the index or a scan by how common they are.
 */
const pgQuery = (query: ParsedQuery, options: { positive?: boolean } = {}) => Prisma.sql`websearch_to_tsquery('english', ${toWebSearch(query, options)})`;

const audienceColumn = (audience: Audience) => Prisma.raw(audience === "readers" ? `"forReaders"` : `"forReviewers"`);

/** Entries in this namespace or below it; everything when null. */
const inNamespace = (namespace: string | null) =>
  namespace === null ? Prisma.empty : Prisma.sql`AND (e."namespace" = ${namespace} OR e."namespace" LIKE ${`${namespace.replace(/[\\%_]/g, "\\$&")}:%`} ESCAPE '\\')`;

/**
 * Sections ranked for a query, per kind of hit (in a title or heading, anywhere): a word found in
 * more sections than this is ranked among the first this many the index yields, so a search costs
 * about the same in a wiki of a thousand pages and of a hundred thousand (as search servers rank
 * a window of the best candidates again). The count of pages found is then a lower bound.
 * PostgreSQL reads each candidate's row to rank it (its `tsvector`), about 15 µs a row once the
 * table outgrows its shared buffers; SQLite ranks from the index itself.
 */
export const RANKED_SECTIONS = { sqlite: 1_000, postgres: 250 } as const;

export interface EntryHits {
  hits: EntryHit[];
  /** How many pages were found; at least this many when `capped`. */
  total: number;
  /** More sections matched than were ranked. */
  capped: boolean;
}

/**
 * The pages matching a query, best first: the page `first` (an exact title match) before all,
 * then pages with the wanted words in a title or heading, then those with them in their text, each
 * by its best-matching section; `limit` of them from `offset`.
 */
export async function findEntries(
  db: DbOrTx,
  query: ParsedQuery,
  options: { audience: Audience; namespace: string | null; first: number | null; limit: number; offset: number; ranked?: number; commonWord?: number },
): Promise<EntryHits> {
  const { audience, limit, offset, ranked = RANKED_SECTIONS[dbKind(db)], commonWord = COMMON_WORD_SECTIONS } = options;
  const visible = audienceColumn(audience);
  const where = Prisma.sql`e.${visible} ${inNamespace(options.namespace)}`;
  const first = options.first ?? -1;
  // A title or heading holding the wanted words is in the text too; excluded words are looked for everywhere.
  const excluded = query.terms.some((t) => t.exclude) ? Prisma.sql`e."document" @@ ${pgQuery(query)}` : Prisma.sql`TRUE`;
  type Row = { pageId: number; entryId: number; total: number | bigint; examined: number | bigint };
  // bm25 weighs each word by counting every section holding it; for a word nearly every page has
  // (which weighs nothing) that count would cost more than the search, so such a window is ranked
  // by the other half of bm25, shortness (lower is better either way).
  const common = dbKind(db) === "sqlite" && (await hasCommonWord(db, query, commonWord));
  const score = Prisma.raw(common ? `e."length"` : `bm25("SearchText", 10.0, 4.0, 1.0)`);
  // A title or heading hit holds no excluded word anywhere in its section.
  const excludedWords = excludedFts5(query);
  const notExcluded = excludedWords === null ? Prisma.empty : Prisma.sql`AND e.id NOT IN (SELECT rowid FROM "SearchText" WHERE "SearchText" MATCH ${excludedWords})`;
  // PostgreSQL: the sections holding a quoted phrase's pairs of words, by their index, are checked
  // for the phrase (rather than every section holding its words).
  const pairs = dbKind(db) === "sqlite" ? [] : await phrasePairs(db, query);
  const hasPairs = pairs.length ? Prisma.sql`AND e."pairs" @> ARRAY[${Prisma.join(pairs)}]::text[]` : Prisma.empty;
  const rows =
    dbKind(db) === "sqlite"
      ? await db.$queryRaw<Row[]>`
          WITH heads AS MATERIALIZED (
            SELECT e."pageId", e.id AS "entryId", e."position", 0 AS tier, bm25("SearchHeads", 10.0, 4.0) AS score
            FROM "SearchHeads" JOIN "SearchEntry" e ON e.id = "SearchHeads".rowid
            WHERE "SearchHeads" MATCH ${toFts5(query, { positive: true })} AND ${where} ${notExcluded}
            ORDER BY "SearchHeads".rowid DESC LIMIT ${ranked}
          ), texts AS MATERIALIZED (
            SELECT e."pageId", e.id AS "entryId", e."position", 1 AS tier, ${score} AS score
            FROM "SearchText" JOIN "SearchEntry" e ON e.id = "SearchText".rowid
            WHERE "SearchText" MATCH ${toFts5(query)} AND ${where}
            ORDER BY "SearchText".rowid DESC LIMIT ${ranked}
          ), best AS (
            SELECT "pageId", "entryId", tier, score, ROW_NUMBER() OVER (PARTITION BY "pageId" ORDER BY tier, score, "position") AS n
            FROM (SELECT * FROM heads UNION ALL SELECT * FROM texts)
          )
          SELECT "pageId", "entryId", COUNT(*) OVER () AS total, (SELECT count(*) FROM texts) AS examined FROM best WHERE n = 1
          ORDER BY ("pageId" = ${first}) DESC, tier, score, "pageId" LIMIT ${limit} OFFSET ${offset}`
      : await db.$queryRaw<Row[]>`
          WITH heads AS (
            SELECT e."pageId", e.id AS "entryId", e."position", 0 AS tier, ts_rank(e."heads", ${pgQuery(query, { positive: true })}) AS score
            FROM "SearchEntry" e WHERE e."heads" @@ ${pgQuery(query, { positive: true })} ${hasPairs} AND ${excluded} AND ${where} LIMIT ${ranked}
          ), texts AS (
            SELECT e."pageId", e.id AS "entryId", e."position", 1 AS tier, ts_rank(e."document", ${pgQuery(query)}) AS score
            FROM "SearchEntry" e WHERE e."document" @@ ${pgQuery(query)} ${hasPairs} AND ${where} LIMIT ${ranked}
          ), best AS (
            SELECT DISTINCT ON ("pageId") "pageId", "entryId", tier, score
            FROM (SELECT * FROM heads UNION ALL SELECT * FROM texts) hits ORDER BY "pageId", tier, score DESC, "position"
          )
          SELECT "pageId", "entryId", COUNT(*) OVER () AS total, (SELECT count(*) FROM texts) AS examined FROM best
          ORDER BY ("pageId" = ${first}) DESC, tier, score DESC, "pageId" LIMIT ${limit} OFFSET ${offset}`;
  return {
    hits: rows.map((r) => ({ pageDbId: Number(r.pageId), entryId: Number(r.entryId) })),
    total: Number(rows[0]?.total ?? 0),
    capped: Number(rows[0]?.examined ?? 0) >= ranked,
  };
}

/**
 * The pairs of neighbouring words (as PostgreSQL stems them, see the `search_pairs` migration) that
 * a section must hold to hold the query's quoted phrases; none for a query without phrases.
 */
async function phrasePairs(db: DbOrTx, query: ParsedQuery): Promise<string[]> {
  const phrases = query.terms.filter((t) => t.phrase && !t.exclude).map((t) => t.text);
  if (!phrases.length) return [];
  const rows = await db.$queryRaw<{ pairs: string[] }[]>`
    SELECT search_pairs(to_tsvector('english', phrase)) AS pairs FROM (VALUES ${Prisma.join(phrases.map((p) => Prisma.sql`(${p}::text)`))}) AS phrases (phrase)`;
  return [...new Set(rows.flatMap((r) => r.pairs))];
}

/** Sections past which a word is common: SQLite's bm25 is not asked to count them (see findEntries). */
const COMMON_WORD_SECTIONS = 5_000;

/** Whether any wanted word of the query is in more than `sections` sections (SQLite). */
async function hasCommonWord(db: DbOrTx, query: ParsedQuery, sections: number): Promise<boolean> {
  const words = [...new Set(query.terms.filter((t) => !t.exclude).flatMap((t) => t.words))];
  const counts = words.map(
    (word) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "SearchText" WHERE "SearchText" MATCH ${fts5String(word)} LIMIT ${sections + 1})) > ${sections}`,
  );
  if (!counts.length) return false;
  const [row] = await db.$queryRaw<{ common: number | bigint }[]>`SELECT (${Prisma.join(counts, " OR ")}) AS common`;
  return Number(row.common) > 0;
}

/** The passages of these entries around the query's words, hits marked. */
export async function snippetsOf(db: DbOrTx, query: ParsedQuery, entryIds: number[]): Promise<Map<number, Snippet>> {
  if (!entryIds.length) return new Map();
  const ids = Prisma.join(entryIds);
  const rows =
    dbKind(db) === "sqlite"
      ? await db.$queryRaw<{ entryId: number; anchor: string; heading: string; marked: string }[]>`
          SELECT e.id AS "entryId", e."anchor", e."heading", snippet("SearchText", 2, ${HIT_START}, ${HIT_END}, '…', 24) AS marked
          FROM "SearchText" JOIN "SearchEntry" e ON e.id = "SearchText".rowid
          WHERE "SearchText" MATCH ${toFts5(query)} AND "SearchText".rowid IN (${ids})`
      : await db.$queryRaw<{ entryId: number; anchor: string; heading: string; marked: string }[]>`
          SELECT e.id AS "entryId", e."anchor", e."heading",
            ts_headline('english', translate(e."body", '<>', ${ANGLES}), websearch_to_tsquery('english', ${toWebSearch(query)}),
              ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MinWords=15, MaxWords=35, MaxFragments=2, FragmentDelimiter=" … "`}) AS marked
          FROM "SearchEntry" e WHERE e.id IN (${ids})`;
  const angles = (marked: string) => marked.replace(/[\uE000\uE001]/g, (c) => (c === "\uE000" ? "<" : ">"));
  return new Map(rows.map((r) => [Number(r.entryId), { ...r, entryId: Number(r.entryId), marked: angles(r.marked) }]));
}

export interface TitleMatch {
  slug: string;
  title: string;
}

/** Live pages readers can see, the only ones suggested. */
const LIVE_PAGE = Prisma.sql`p."deletedAt" IS NULL AND p."publishedRevisionId" IS NOT NULL AND p."redirectTo" IS NULL`;

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
const likeText = (text: string) => text.toLowerCase().replace(/[\\%_]/g, "\\$&");

/**
 * Titles containing the text, those that are it or start with it first, then the shortest. On
 * SQLite, three letters or more are looked up by trigram; shorter text by the start of the title.
 */
export async function titlesContaining(db: DbOrTx, text: string, limit: number): Promise<TitleMatch[]> {
  const lower = text.toLowerCase();
  const order = Prisma.sql`ORDER BY (lower(p."title") = ${lower}) DESC, (lower(p."title") LIKE ${`${likeText(text)}%`} ESCAPE '\\') DESC, length(p."title"), p."title" LIMIT ${limit}`;
  if (dbKind(db) === "sqlite" && [...text].length >= 3) {
    return db.$queryRaw<TitleMatch[]>`
      SELECT p."slug", p."title" FROM "SearchTitle" t JOIN "Page" p ON p.id = t.rowid
      WHERE "SearchTitle" MATCH ${fts5String(text)} AND ${LIVE_PAGE} ${order}`;
  }
  const pattern = dbKind(db) === "sqlite" ? `${likeText(text)}%` : `%${likeText(text)}%`;
  return db.$queryRaw<TitleMatch[]>`
    SELECT p."slug", p."title" FROM "Page" p WHERE lower(p."title") LIKE ${pattern} ESCAPE '\\' AND ${LIVE_PAGE} ${order}`;
}

/** Lower-case trigrams of a text, padded as PostgreSQL's pg_trgm pads each word. */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** How alike two texts are by their trigrams: 0 (nothing shared) to 1 (the same). */
export function titleSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared / (x.size + y.size - shared || 1);
}

/** How alike a title must be to be offered as "did you mean". */
const SIMILAR_ENOUGH = 0.35;

/** The live page title most like the text, when one is alike enough: "did you mean". */
export async function similarTitle(db: DbOrTx, text: string): Promise<TitleMatch | null> {
  const lower = [...text.toLowerCase()].slice(0, 100).join("");
  const closest = <T extends { title: string }>(candidates: T[]): T | null =>
    candidates
      .map((c) => ({ c, score: titleSimilarity(c.title, lower) }))
      .filter((s) => s.score >= SIMILAR_ENOUGH && s.c.title.toLowerCase() !== lower)
      .sort((a, b) => b.score - a.score)[0]?.c ?? null;
  if (dbKind(db) === "sqlite") {
    const pieces = wordHalves(lower);
    if (!pieces.length) return null;
    // The titles of live pages only are suggested (see indexPages): the page is read for the best alone.
    const best = closest(
      await db.$queryRaw<{ id: number | bigint; title: string }[]>`
        SELECT rowid AS id, title FROM "SearchTitle" WHERE "SearchTitle" MATCH ${pieces.map(fts5String).join(" OR ")} LIMIT 300`,
    );
    const [page] = best ? await db.$queryRaw<TitleMatch[]>`SELECT p."slug", p."title" FROM "Page" p WHERE p.id = ${Number(best.id)} AND ${LIVE_PAGE}` : [];
    return page ?? null;
  }
  return closest(
    await db.$queryRaw<TitleMatch[]>`
      SELECT p."slug", p."title" FROM "Page" p WHERE lower(p."title") % ${lower} AND ${LIVE_PAGE}
      ORDER BY similarity(lower(p."title"), ${lower}) DESC LIMIT 30`,
  );
}

/** A live page whose title is the text (any case) or whose id it names, for "Go". */
export async function pageTitled(db: DbOrTx, text: string, slug: string): Promise<{ id: number; slug: string } | null> {
  const [page] = await db.$queryRaw<{ id: number; slug: string }[]>`
    SELECT p.id, p."slug" FROM "Page" p WHERE (lower(p."title") = ${text.toLowerCase()} OR p."slug" = ${slug}) AND ${LIVE_PAGE}
    ORDER BY (p."slug" = ${slug}) DESC LIMIT 1`;
  return page ? { id: Number(page.id), slug: page.slug } : null;
}

/** A page a search found, with the date of the revision its audience finds. */
export interface FoundPage {
  id: number;
  slug: string;
  title: string;
  namespace: string;
  editedAt: Date;
}

/** The pages of a search's hits, in one query: readers find the published revision, reviewers the latest. */
export async function foundPages(db: DbOrTx, pageDbIds: number[], audience: Audience): Promise<FoundPage[]> {
  if (!pageDbIds.length) return [];
  const shown = Prisma.raw(audience === "reviewers" ? `p."latestRevisionId"` : `p."publishedRevisionId"`);
  const pages = await db.$queryRaw<FoundPage[]>`
    SELECT p.id, p."slug", p."title", p."namespace", r."createdAt" AS "editedAt"
    FROM "Page" p JOIN "Revision" r ON r.id = ${shown} WHERE p.id IN (${Prisma.join(pageDbIds)})`;
  return pages.map((page) => ({ ...page, id: Number(page.id) }));
}
