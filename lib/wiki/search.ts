import { can } from "../auth/policy";
import { REFERENCES_ANCHOR } from "../content/anchors";
import { formatAuthorList } from "../validation/source";
import { type DocumentJSON, storedDocument } from "../content/document";
import { normalizePageId } from "../content/page-id";
import { searchableText } from "../content/search-text";
import { analyzeDatabase, type Db, type DbOrTx, dbKind, Prisma, type Tx } from "../db";
import { transaction } from "../db/transaction";
import {
  type Audience,
  compactIndex,
  dropEntriesOfRemovedPages,
  findEntries,
  foundPages,
  HIT_END,
  HIT_START,
  type IndexEntry,
  indexIsEmpty,
  pageTitled,
  replacePageEntries,
  similarTitle,
  snippetsOf,
  titlesContaining,
} from "../search/engine";
import { cleanQueryText, hasTerms, MAX_SEARCH_LIMIT, parseQuery } from "../search/query";
import type { Account } from "./accounts";
import { parseAuthors } from "./sources";

/** A revision as the index reads it: its document, and the sources it cites, in the order cited. */
export interface IndexedRevision {
  id: number;
  reviewState: string;
  doc: DocumentJSON;
  sources: { title: string; authors: string }[];
}

/** Revisions read for the index, in one query with their citations' sources. */
async function readIndexedRevisions(tx: Tx, ids: number[]): Promise<IndexedRevision[]> {
  if (!ids.length) return [];
  const revisions = await tx.revision.findMany({
    where: { id: { in: ids } },
    select: { id: true, content: true, reviewState: true, citations: { orderBy: { position: "asc" }, select: { source: { select: { title: true, authors: true } } } } },
  });
  return revisions.map((r) => ({ id: r.id, reviewState: r.reviewState, doc: storedDocument(r.content), sources: r.citations.map((c) => c.source) }));
}

/** A revision's sections, and its References (cited sources' titles and authors, notes as written). */
function revisionEntries(revision: IndexedRevision, page: { title: string; namespace: string }, audience: { forReaders: boolean; forReviewers: boolean }): IndexEntry[] {
  const { sections, notes } = searchableText(revision.doc);
  const sources = [...new Set(revision.sources.map((source) => [source.title, formatAuthorList(parseAuthors(source.authors))].filter(Boolean).join(", ")))];
  const references = [...sources, ...notes].join(". ");
  const all = [...sections.map((s) => ({ ...s, body: s.text })), ...(references ? [{ anchor: REFERENCES_ANCHOR, heading: "References", body: references }] : [])];
  return all.map((s, position) => ({ ...audience, position, anchor: s.anchor, heading: s.heading, body: s.body, title: page.title, namespace: page.namespace }));
}

/**
 * Brings the search index up to date with these pages as they are now in the transaction: readers
 * find a page's published text, reviewers its pending text too; a deleted page or a redirect is not
 * found. Every change to what a page shows calls it in the transaction making the change. A save
 * hands over the revision it has just written (`written`), which is then not read back; a revision
 * both published and latest is read once.
 */
export async function indexPages(tx: Tx, pageDbIds: number[], written: IndexedRevision[] = []): Promise<void> {
  if (!pageDbIds.length) return;
  // A rebuild running beside a save waits for it, and then reads what it wrote.
  if (dbKind(tx) === "postgres") await tx.$executeRaw`SELECT 1 FROM "Page" WHERE id IN (${Prisma.join(pageDbIds)}) ORDER BY id FOR UPDATE`;
  const pages = await tx.page.findMany({
    where: { id: { in: pageDbIds }, deletedAt: null, redirectTo: null },
    select: { id: true, title: true, namespace: true, publishedRevisionId: true, latestRevisionId: true },
  });
  const revisions = new Map(written.map((r) => [r.id, r]));
  const unread = new Set(pages.flatMap((p) => [p.publishedRevisionId, p.latestRevisionId]).filter((id): id is number => id !== null && !revisions.has(id)));
  for (const revision of await readIndexedRevisions(tx, [...unread])) revisions.set(revision.id, revision);
  const indexed = pages.map((page) => {
    const [published, latest] = [page.publishedRevisionId, page.latestRevisionId].map((id) => (id === null ? null : revisions.get(id)!));
    const pendingLatest = latest && latest.id !== published?.id && latest.reviewState === "pending" ? latest : null;
    const entries = [
      ...(published ? revisionEntries(published, page, { forReaders: true, forReviewers: !pendingLatest }) : []),
      ...(pendingLatest ? revisionEntries(pendingLatest, page, { forReaders: false, forReviewers: true }) : []),
    ];
    return { pageDbId: page.id, entries, suggestedTitle: published ? page.title : null };
  });
  await replacePageEntries(tx, pageDbIds, indexed);
}

/** {@link indexPages} for one page. */
export const indexPage = (tx: Tx, pageDbId: number, written?: IndexedRevision[]) => indexPages(tx, [pageDbId], written);

/**
 * Re-indexes the pages whose published or pending text cites these sources, after their titles or
 * authors changed (an edit, a merge). Part of the transaction making the change.
 */
export async function indexPagesCiting(tx: Tx, sourceIds: string[]): Promise<void> {
  const cites = { citations: { some: { sourceId: { in: sourceIds } } } };
  const pages = await tx.page.findMany({ where: { OR: [{ publishedRevision: cites }, { latestRevision: cites }] }, select: { id: true } });
  await indexPages(
    tx,
    pages.map((p) => p.id),
  );
}

/** Pages re-indexed per transaction by a rebuild: short enough not to hold up saves for long. */
const REINDEX_BATCH = 50;

/**
 * Rebuilds the index of every page, a batch of pages per transaction, so the site keeps serving
 * (and keeps finding every page) meanwhile.
 */
export async function reindexAll(db: Db, onProgress?: (done: number, total: number) => void): Promise<number> {
  const total = await db.page.count();
  let done = 0;
  for (let after = 0; ;) {
    const batch = await db.page.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: REINDEX_BATCH, select: { id: true } });
    if (!batch.length) break;
    await transaction(db, (tx) =>
      indexPages(
        tx,
        batch.map((p) => p.id),
      ),
    );
    after = batch.at(-1)!.id;
    done += batch.length;
    onProgress?.(done, total);
  }
  await transaction(db, (tx) => dropEntriesOfRemovedPages(tx));
  await settleAfterBulkChange(db);
  return done;
}

/**
 * After many pages changed at once (a rebuilt index, a site import): the search index compacted,
 * and the planner's statistics brought up to date.
 */
export async function settleAfterBulkChange(db: Db): Promise<void> {
  await compactIndex(db);
  await analyzeDatabase(db);
}

/** Builds the index when pages exist but none is indexed (a site from before search). */
export async function ensureSearchIndex(db: Db): Promise<number> {
  if (!(await indexIsEmpty(db)) || !(await db.page.count())) return 0;
  return reindexAll(db);
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  pageId: string;
  title: string;
  namespace: string;
  /** The section the best hit is in; null for the text before the first heading. */
  section: { anchor: string; heading: string } | null;
  /** The text around the hits, as plain text parts (never markup). */
  snippet: SnippetPart[];
  /** When the revision found was saved. */
  editedAt: Date;
}

export interface SearchResults {
  query: string;
  namespace: string | null;
  results: SearchResult[];
  /** How many pages match; at least this many when `totalIsLowerBound` (a very common word). */
  total: number;
  totalIsLowerBound: boolean;
  /** Where the next page of results starts; null on the last page. */
  nextCursor: string | null;
  /** A page whose title (or id) is the query, for "Go". */
  exact: { pageId: string } | null;
  /** A title like the query, when few pages match. */
  didYouMean: { pageId: string; title: string } | null;
  /** Why nothing was looked for (an empty query), worded for readers. */
  problem: string | null;
}

export interface SearchInput {
  q: string;
  namespace?: string | null;
  limit?: number;
  cursor?: string | null;
}

/** Splits an engine's marked snippet into plain parts, hits flagged. */
function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(HIT_START).entries()) {
    const [hit, rest] = i === 0 ? [null, piece] : piece.split(HIT_END);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/**
 * Searches the pages the account may read (reviewers also find text waiting for review): ranked
 * results with the section and the passage each hit is in, an exact title first.
 */
export async function searchPages(db: DbOrTx, account: Account | null, input: SearchInput): Promise<SearchResults> {
  const text = cleanQueryText(input.q);
  const parsed = parseQuery(text);
  const namespace = (input.namespace ? normalizePageId(input.namespace) : null) || parsed.namespace;
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 20)), MAX_SEARCH_LIMIT);
  const offset = Math.min(Math.max(0, Number.parseInt(input.cursor ?? "0", 10) || 0), 10_000);
  const empty: SearchResults = { query: text, namespace, results: [], total: 0, totalIsLowerBound: false, nextCursor: null, exact: null, didYouMean: null, problem: null };
  if (!hasTerms(parsed)) {
    return { ...empty, problem: text ? "Add a word to look for: excluding words alone finds nothing." : "Type a word to search for." };
  }
  const audience: Audience = can(account, "review") ? "reviewers" : "readers";
  const exact = parsed.namespace === null ? await pageTitled(db, text, normalizePageId(text)) : null;
  const { hits, total, capped } = await findEntries(db, parsed, { audience, namespace, first: exact?.id ?? null, limit, offset });
  const [snippets, pages] = await Promise.all([
    snippetsOf(
      db,
      parsed,
      hits.map((h) => h.entryId),
    ),
    foundPages(
      db,
      hits.map((h) => h.pageDbId),
      audience,
    ),
  ]);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const results = hits.flatMap((hit) => {
    const page = byId.get(hit.pageDbId);
    const snippet = snippets.get(hit.entryId);
    if (!page) return [];
    return [
      {
        pageId: page.slug,
        title: page.title,
        namespace: page.namespace,
        section: snippet?.anchor ? { anchor: snippet.anchor, heading: snippet.heading } : null,
        snippet: snippetParts(snippet?.marked ?? ""),
        editedAt: page.editedAt,
      },
    ];
  });
  const didYouMean = total < 3 && parsed.namespace === null && !exact ? await similarTitle(db, text) : null;
  return {
    ...empty,
    results,
    total,
    totalIsLowerBound: capped,
    nextCursor: offset + hits.length < total ? String(offset + hits.length) : null,
    exact: exact ? { pageId: exact.slug } : null,
    didYouMean: didYouMean && { pageId: didYouMean.slug, title: didYouMean.title },
  };
}

/** Most suggestions offered as one types. */
const MAX_SUGGESTIONS = 8;

/** Titles for the search box as one types: those that are or start with the text first. */
export async function suggestTitles(db: DbOrTx, q: string): Promise<{ pageId: string; title: string }[]> {
  const text = cleanQueryText(q).slice(0, 100);
  if (!text) return [];
  const found = await titlesContaining(db, text, MAX_SUGGESTIONS);
  return found.map((t) => ({ pageId: t.slug, title: t.title }));
}
