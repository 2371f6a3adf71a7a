import { collectCitations, type DocumentJSON, mapCitationSources, storedDocument } from "../content/document";
import { citationNumbers, type DocumentDiff, diffDocuments, markChangedFiles } from "../content/diff";
import { collectFigureMedia } from "../content/extensions";
import { normalizePageId } from "../content/page-id";
import type { RenderedArticle, RenderMedia, RenderSource } from "../content/render";
import type { Account } from "../auth/account";
import type { DbOrTx } from "../db";
import { renderStoredDocument } from "./articles";
import { findPageOrThrow } from "./page-lookup";
import { formatSources } from "./citation-style";
import { getRenderMedia } from "./media";
import { assertReadable } from "./review-policy";
import { AppError } from "./errors";
import { getRenderSources } from "./sources";

/** One row of a page's history. */
export interface RevisionSummary {
  id: number;
  number: number;
  createdAt: Date;
  author: { id: string; name: string };
  summary: string;
  minor: boolean;
  size: number;
  sizeDelta: number;
  reviewState: string;
  /** edit, revert, or an event that kept the text: move, delete, restore, protect, unprotect. */
  action: string;
}

export const SUMMARY_SELECT = {
  id: true,
  number: true,
  createdAt: true,
  summary: true,
  minor: true,
  size: true,
  sizeDelta: true,
  reviewState: true,
  action: true,
  author: { select: { id: true, name: true } },
} as const;

type SummaryRow = Omit<RevisionSummary, "author"> & { author: { id: string; name: string | null } };
export const toSummary = (row: SummaryRow): RevisionSummary => ({ ...row, author: { id: row.author.id, name: row.author.name ?? "unknown" } });

/** What the history, revision and diff views know of the page itself. */
export interface PageHeader {
  pageId: string;
  title: string;
  latestNumber: number;
  publishedNumber: number | null;
  protected: boolean;
  deleted: boolean;
  /** The page's own review policy ("required", "none"), or null to follow its namespace and the site. */
  reviewPolicy: string | null;
}

/** A page's header by id (a redirect's, by the page it points to); never-saved pages, and deleted ones unless asked for, are not found. */
export async function getPageHeaderOrThrow(db: DbOrTx, rawPageId: string, { includeDeleted = false } = {}): Promise<PageHeader & { id: number }> {
  const page = await findPageOrThrow(
    db,
    normalizePageId(rawPageId) ?? rawPageId,
    { id: true, title: true, protected: true, reviewPolicy: true, latestRevision: { select: { number: true } }, publishedRevision: { select: { number: true } } },
    { deleted: includeDeleted, followRedirect: true },
  );
  return {
    id: page.id,
    pageId: page.slug,
    title: page.title,
    latestNumber: page.latestRevision!.number,
    publishedNumber: page.publishedRevision?.number ?? null,
    protected: page.protected,
    deleted: !!page.deletedAt,
    reviewPolicy: page.reviewPolicy,
  };
}

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryPage {
  page: PageHeader;
  revisions: RevisionSummary[];
  /** The `before` cursor of the next older page, or null on the last page. */
  older: number | null;
  /** The `before` cursor of the next newer page (null: the newest page is `before` absent), or undefined on the first page. */
  newer: number | null | undefined;
}

/**
 * A page of a page's history, newest first, before revision number `before`. Revision numbers run
 * 1…n without gaps, so paging walks the (page, number) index and costs the same at any depth.
 */
export async function getHistory(
  db: DbOrTx,
  rawPageId: string,
  { before, limit = HISTORY_PAGE_SIZE, includeDeleted = false }: { before?: number; limit?: number; includeDeleted?: boolean } = {},
): Promise<HistoryPage> {
  const { id, ...page } = await getPageHeaderOrThrow(db, rawPageId, { includeDeleted });
  const rows = await db.revision.findMany({
    where: { pageId: id, ...(before ? { number: { lt: before } } : {}) },
    orderBy: { number: "desc" },
    take: limit,
    select: SUMMARY_SELECT,
  });
  const revisions = rows.map(toSummary);
  const lowest = revisions.at(-1)?.number ?? 1;
  const start = before && before <= page.latestNumber ? before : undefined;
  return {
    page,
    revisions,
    older: lowest > 1 ? lowest : null,
    newer: start === undefined ? undefined : start + limit > page.latestNumber ? null : start + limit,
  };
}

/** One revision of a page by number: its history row, document and link targets. */
export async function getRevisionOrThrow(db: DbOrTx, pageDbId: number, number: number) {
  const row = await db.revision.findUnique({
    where: { pageId_number: { pageId: pageDbId, number } },
    select: { ...SUMMARY_SELECT, content: true, links: { select: { targetSlug: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `This page has no revision ${number}.`);
  return { summary: toSummary(row), doc: storedDocument(row.content), links: row.links.map((l) => l.targetSlug) };
}

/** One revision's document as stored, with its place in the history (for the JSON API). */
export async function getRevisionDocument(
  db: DbOrTx,
  account: Account | null,
  rawPageId: string,
  number: number,
): Promise<{ page: PageHeader; revision: RevisionSummary; doc: DocumentJSON }> {
  const { id, ...page } = await getPageHeaderOrThrow(db, rawPageId);
  const { summary, doc } = await getRevisionOrThrow(db, id, number);
  await assertReadable(db, account, [summary]);
  return { page, revision: summary, doc };
}

export interface RevisionView {
  page: PageHeader;
  revision: RevisionSummary;
  rendered: RenderedArticle;
}

/**
 * One revision of a page rendered exactly as readers saw it, References included, and its figures
 * showing the files as they were while it was the latest revision.
 */
export async function getRevisionView(db: DbOrTx, account: Account | null, rawPageId: string, number: number): Promise<RevisionView> {
  const { id, ...page } = await getPageHeaderOrThrow(db, rawPageId);
  const [{ summary, doc, links }, next] = await Promise.all([
    getRevisionOrThrow(db, id, number),
    db.revision.findUnique({ where: { pageId_number: { pageId: id, number: number + 1 } }, select: { createdAt: true } }),
  ]);
  await assertReadable(db, account, [summary]);
  return { page, revision: summary, rendered: await renderStoredDocument(db, doc, links, { mediaAsOf: next?.createdAt }) };
}

export interface RevisionComparison {
  page: PageHeader;
  from: RevisionSummary;
  to: RevisionSummary;
  diff: DocumentDiff;
  /** The sources either side cites. */
  sources: Map<string, RenderSource>;
  /** Those sources in the site's citation style, by their own ids. */
  formatted: Map<string, string>;
  /** Citation numbers as readers of each side see them. */
  numbers: { from: Map<string, number>; to: Map<string, number> };
  /** The files each side's figures show (the versions readers saw), by name. */
  media: { from: Map<string, RenderMedia>; to: Map<string, RenderMedia> };
}

/** The differences between two revisions of a page, in either order. */
export async function compareRevisions(db: DbOrTx, account: Account | null, rawPageId: string, fromNumber: number, toNumber: number): Promise<RevisionComparison> {
  const { id, ...page } = await getPageHeaderOrThrow(db, rawPageId);
  const [from, to] = await Promise.all([getRevisionOrThrow(db, id, fromNumber), getRevisionOrThrow(db, id, toNumber)]);
  await assertReadable(db, account, [from.summary, to.summary]);
  const sources = await getRenderSources(
    db,
    [...collectCitations(from.doc), ...collectCitations(to.doc)].map((c) => c.sourceId),
  );
  // Compared by the library's identities: a source merged into another reads as that one.
  const canonical = (doc: DocumentJSON) => mapCitationSources(doc, (id) => sources.get(id)?.id ?? id);
  const [before, after] = [canonical(from.doc), canonical(to.doc)];
  const media = await comparedMedia(db, id, [from, to]);
  const diff = markChangedFiles(diffDocuments(before, after), (name) => media.from.get(name)?.url !== media.to.get(name)?.url);
  const formatted = await formatSources(db, sources.values());
  return {
    page,
    from: from.summary,
    to: to.summary,
    diff,
    sources: withCanonicalKeys(sources),
    formatted,
    numbers: { from: citationNumbers(before), to: citationNumbers(after) },
    media,
  };
}

/** The files each side's figures show, as readers saw them while that revision was the latest. */
async function comparedMedia(db: DbOrTx, pageDbId: number, sides: { summary: RevisionSummary; doc: DocumentJSON }[]): Promise<RevisionComparison["media"]> {
  const names = [...new Set(sides.flatMap((side) => collectFigureMedia(side.doc)))];
  if (!names.length) return { from: new Map(), to: new Map() };
  const [from, to] = await Promise.all(
    sides.map(async (side) => {
      const next = await db.revision.findUnique({ where: { pageId_number: { pageId: pageDbId, number: side.summary.number + 1 } }, select: { createdAt: true } });
      return getRenderMedia(db, names, next?.createdAt);
    }),
  );
  return { from, to };
}

/** One revision in a person's contributions. */
export interface Contribution extends Omit<RevisionSummary, "author"> {
  pageId: string;
  title: string;
}

export interface ContributionsPage {
  user: { id: string; name: string; role: string };
  contributions: Contribution[];
  /** The `before` cursor (a revision id) of the next older page, or null. */
  older: number | null;
}

/** The revisions one person made, newest first, across every live page. */
export async function getContributions(db: DbOrTx, name: string, { before, limit = HISTORY_PAGE_SIZE }: { before?: number; limit?: number } = {}): Promise<ContributionsPage> {
  const user = await db.user.findUnique({ where: { name }, select: { id: true, name: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", `There is no user called "${name.slice(0, 80)}".`);
  const { author: _author, ...select } = SUMMARY_SELECT;
  const rows = await db.revision.findMany({
    where: { authorId: user.id, page: { deletedAt: null }, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { ...select, page: { select: { slug: true, title: true } } },
  });
  const contributions = rows.slice(0, limit).map(({ page, ...row }) => ({ ...row, pageId: page.slug, title: page.title }));
  return { user: { ...user, name: user.name ?? name }, contributions, older: rows.length > limit ? contributions.at(-1)!.id : null };
}

/** The sources keyed by their own ids too, so a diff of canonical ids finds them. */
function withCanonicalKeys(sources: Map<string, RenderSource>): Map<string, RenderSource> {
  const all = new Map(sources);
  for (const source of sources.values()) all.set(source.id, source);
  return all;
}
