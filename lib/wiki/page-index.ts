import { normalizePageId, pageNamespace, titleFromPageId } from "../content/page-id";
import { type DbOrTx, Prisma } from "../db";
import { suggestTitles } from "./search";

/** How many entries a page of All pages, Wanted pages or Orphaned pages shows. */
export const PAGE_INDEX_SIZE = 100;

/** A live page as the indexes list it. */
export interface IndexedPage {
  pageId: string;
  title: string;
  namespace: string;
}

/**
 * A page of an index by title. `next` is the `from` of the following page; `previous` is that of
 * the page before (`""` for the first page), or null on the first page.
 */
export interface PageIndexPage {
  pages: IndexedPage[];
  next: string | null;
  previous: string | null;
}

export interface PageIndexOptions {
  /** Only pages in exactly this namespace ("" for the top level); every page when undefined. */
  namespace?: string;
  /** The page id to start at (the `next` of a previous page). */
  from?: string;
  limit?: number;
}

/** Live pages: not deleted, published, not a redirect. */
const live = { deletedAt: null, publishedRevisionId: { not: null }, redirectTo: null } as const;

/**
 * "All pages": live pages by title (then id), one namespace or all, walking the `(title, slug)`
 * index from a page id rather than skipping rows, so every page of the index costs the same. Three
 * small queries: the starting page's title, this page and the one before.
 */
export async function listAllPages(db: DbOrTx, { namespace, from, limit = PAGE_INDEX_SIZE }: PageIndexOptions = {}): Promise<PageIndexPage> {
  const where = { ...live, ...(namespace !== undefined ? { namespace } : {}) };
  const start = from ? await db.page.findUnique({ where: { slug: from }, select: { title: true, slug: true } }) : null;
  const select = { slug: true, title: true, namespace: true } as const;
  const [rows, before] = await Promise.all([
    db.page.findMany({
      // `title >= t` first, so the database seeks into the index instead of reading up to the start.
      where: { ...where, ...(start ? { title: { gte: start.title }, OR: [{ title: { gt: start.title } }, { slug: { gte: start.slug } }] } : {}) },
      orderBy: [{ title: "asc" }, { slug: "asc" }],
      take: limit + 1,
      select,
    }),
    start
      ? db.page.findMany({
          where: { ...where, title: { lte: start.title }, OR: [{ title: { lt: start.title } }, { slug: { lt: start.slug } }] },
          orderBy: [{ title: "desc" }, { slug: "desc" }],
          take: limit + 1,
          select: { slug: true },
        })
      : Promise.resolve(null),
  ]);
  const pages = rows.slice(0, limit).map((p) => ({ pageId: p.slug, title: p.title, namespace: p.namespace }));
  // A full page before this one starts at its earliest row; fewer than a page before means the start.
  const previous = before === null || before.length === 0 ? null : before.length > limit ? before[limit - 1].slug : "";
  return { pages, next: rows.length > limit ? rows[limit].slug : null, previous };
}

/**
 * The namespaces that hold live pages, for the index's namespace links: grouped by the database
 * (Prisma's `distinct` would read every page and drop duplicates itself).
 */
export async function listPageNamespaces(db: DbOrTx): Promise<string[]> {
  const rows = await db.page.groupBy({ by: ["namespace"], where: { ...live, namespace: { not: "" } }, orderBy: { namespace: "asc" } });
  return rows.map((r) => r.namespace);
}

/** A page id wanted by links that lead nowhere, with how many live pages link to it. */
export interface WantedPage {
  pageId: string;
  namespace: string;
  links: number;
}

export interface WantedPagesOptions {
  /** Only ids in exactly this namespace ("" for the top level). */
  namespace?: string;
  /** Start after the entries with more links than this… */
  links?: number;
  /** …and, among those with exactly that many, at this id. */
  from?: string;
  /** Only ids that hold this one, whatever separators either uses (`gpt-5.4` finds `gpt_5_4`). */
  matching?: string;
  limit?: number;
}

export interface WantedPagesPage {
  pages: WantedPage[];
  /** Where the following page starts, or null. */
  next: { links: number; from: string } | null;
}

/** A LIKE pattern matching `text` literally, `\` escaping. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL that keeps ids (in `column`) of exactly this namespace. */
function inNamespace(column: Prisma.Sql, namespace: string | undefined): Prisma.Sql {
  if (namespace === undefined) return Prisma.empty;
  if (namespace === "") return Prisma.sql` AND ${column} NOT LIKE '%:%'`;
  const prefix = `${likeLiteral(namespace)}:%`;
  return Prisma.sql` AND ${column} LIKE ${prefix} ESCAPE '\\' AND ${column} NOT LIKE ${`${prefix}:%`} ESCAPE '\\'`;
}

/**
 * "Wanted pages": ids that no live page or redirect has, ordered by how many live pages' published
 * revisions link to them (most first, then by id), in one grouped query over the link table.
 */
export async function listWantedPages(db: DbOrTx, { namespace, links, from, matching, limit = PAGE_INDEX_SIZE }: WantedPagesOptions = {}): Promise<WantedPagesPage> {
  // In LIKE, `_` stands for any one character: each separator of the id matches any other.
  const key = matching === undefined ? "" : normalizePageId(matching).replace(/[._-]/g, "_");
  const match = key ? Prisma.sql` AND l."targetSlug" LIKE ${`%${key}%`}` : Prisma.empty;
  const after = links !== undefined && from !== undefined ? Prisma.sql` HAVING COUNT(*) < ${links} OR (COUNT(*) = ${links} AND l."targetSlug" >= ${from})` : Prisma.empty;
  const rows = await db.$queryRaw<{ slug: string; links: number | bigint }[]>`
    SELECT l."targetSlug" AS slug, COUNT(*) AS links
    FROM "Link" l
    JOIN "Page" s ON s."publishedRevisionId" = l."revisionId"
    WHERE s."deletedAt" IS NULL AND s."redirectTo" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Page" t
        WHERE t."slug" = l."targetSlug" AND t."deletedAt" IS NULL
          AND (t."publishedRevisionId" IS NOT NULL OR t."redirectTo" IS NOT NULL)
      )${inNamespace(Prisma.sql`l."targetSlug"`, namespace)}${match}
    GROUP BY l."targetSlug"${after}
    ORDER BY links DESC, slug ASC
    LIMIT ${limit + 1}`;
  const pages = rows.map((r) => ({ pageId: r.slug, namespace: pageNamespace(r.slug), links: Number(r.links) }));
  const following = pages[limit];
  return { pages: pages.slice(0, limit), next: following ? { links: following.links, from: following.pageId } : null };
}

/**
 * "Orphaned pages": live pages that no other live page's published revision links to and no
 * redirect shows, by title, in one query, paged from a page id as All pages is.
 */
export async function listOrphanedPages(db: DbOrTx, { namespace, from, limit = PAGE_INDEX_SIZE }: PageIndexOptions = {}): Promise<PageIndexPage> {
  // An unknown starting id starts at the beginning.
  const start = from
    ? Prisma.sql` AND p."title" >= COALESCE((SELECT "title" FROM "Page" WHERE "slug" = ${from}), '')
        AND (p."title" > COALESCE((SELECT "title" FROM "Page" WHERE "slug" = ${from}), '') OR p."slug" >= ${from}
          OR NOT EXISTS (SELECT 1 FROM "Page" WHERE "slug" = ${from}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ slug: string; title: string; namespace: string }[]>`
    SELECT p."slug", p."title", p."namespace"
    FROM "Page" p
    WHERE p."deletedAt" IS NULL AND p."redirectTo" IS NULL AND p."publishedRevisionId" IS NOT NULL
      ${namespace !== undefined ? Prisma.sql`AND p."namespace" = ${namespace}` : Prisma.empty}${start}
      AND NOT EXISTS (
        SELECT 1 FROM "Link" l JOIN "Page" s ON s."publishedRevisionId" = l."revisionId"
        WHERE l."targetSlug" = p."slug" AND s."id" <> p."id" AND s."deletedAt" IS NULL AND s."redirectTo" IS NULL
      )
      AND p."slug" NOT IN (SELECT r."redirectTo" FROM "Page" r WHERE r."redirectTo" IS NOT NULL AND r."deletedAt" IS NULL)
    ORDER BY p."title" ASC, p."slug" ASC
    LIMIT ${limit + 1}`;
  const pages = rows.slice(0, limit).map((p) => ({ pageId: p.slug, title: p.title, namespace: p.namespace }));
  return { pages, next: rows.length > limit ? rows[limit].slug : null, previous: null };
}

/**
 * A live page chosen at random, or null when there is none. Picks a random point between the
 * smallest and largest page id and takes the first live page from there (wrapping round), so it
 * reads a few index entries whatever the number of pages; pages after gaps in the ids come up a
 * little more often, which a "random page" link can live with.
 */
export async function pickRandomPage(db: DbOrTx): Promise<string | null> {
  const { _min, _max } = await db.page.aggregate({ _min: { id: true }, _max: { id: true } });
  if (_min.id === null || _max.id === null) return null;
  const point = _min.id + Math.floor(Math.random() * (_max.id - _min.id + 1));
  const select = { slug: true } as const;
  const page =
    (await db.page.findFirst({ where: { ...live, id: { gte: point } }, orderBy: { id: "asc" }, select })) ??
    (await db.page.findFirst({ where: { ...live, id: { lt: point } }, orderBy: { id: "asc" }, select }));
  return page?.slug ?? null;
}

/** A recently changed article for the start page. */
export interface RecentArticle extends IndexedPage {
  changedAt: Date;
}

/**
 * The live articles whose most recent approved revisions are newest, for the start page, walking
 * the revision ids backwards (newest first) rather than sorting every page.
 */
export async function listRecentlyChangedArticles(db: DbOrTx, { limit = 8 } = {}): Promise<RecentArticle[]> {
  const rows = await db.revision.findMany({
    where: { reviewState: "approved", page: live },
    orderBy: { id: "desc" },
    // A page edited many times in a row takes several rows; a few pages' worth leaves room for that.
    take: limit * 5,
    select: { createdAt: true, page: { select: { slug: true, title: true, namespace: true } } },
  });
  const seen = new Map<string, RecentArticle>();
  for (const { page, createdAt } of rows) {
    if (!seen.has(page.slug)) seen.set(page.slug, { pageId: page.slug, title: page.title, namespace: page.namespace, changedAt: createdAt });
  }
  return [...seen.values()].slice(0, limit);
}

export interface LinkSuggestion {
  pageId: string;
  title: string;
  /** A page not written yet that other pages link to, with how many do. */
  wanted: { links: number } | null;
}

/**
 * Pages to link to as one types in the editor: written pages whose title holds the text (those
 * that start with it first), then wanted pages whose id matches it, the most linked first.
 */
export async function linkSuggestions(db: DbOrTx, query: string): Promise<LinkSuggestion[]> {
  const [written, wanted] = await Promise.all([suggestTitles(db, query), listWantedPages(db, { matching: query, limit: 5 })]);
  return [...written.map((p) => ({ ...p, wanted: null })), ...wanted.pages.map((p) => ({ pageId: p.pageId, title: titleFromPageId(p.pageId), wanted: { links: p.links } }))];
}
