import { can, authorize } from "../auth/policy";
import { EMPTY_SOURCE_FIELDS, SOURCE_FIELD_NAMES, SOURCE_FIELD_SELECT, type StoredSourceFields } from "../content/source-fields";
import { normalizeDoi, normalizeUrl } from "../content/url";
import type { Db, DbOrTx, Tx } from "../db";
import { changeTransaction } from "../cache/invalidation";
import { fieldErrors } from "../validation/account";
import { parseAuthorList, SourceFieldsSchema } from "../validation/source";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { reviewRequired } from "./review-policy";
import { indexPagesCiting } from "./search";

// Editing and merging the library's records: every edit is kept as a version, and a merged record
// stays behind pointing at the one it became, so revisions citing it keep rendering.

/** Keeps a version of a record's fields, numbered after the last. */
export async function recordVersion(tx: Tx, sourceId: string, data: StoredSourceFields, editorId: string | null, summary: string) {
  const last = await tx.sourceRevision.findFirst({ where: { sourceId }, orderBy: { number: "desc" }, select: { number: true } });
  await tx.sourceRevision.create({ data: { sourceId, number: (last?.number ?? 0) + 1, data: JSON.stringify(data), editorId, summary } });
}

async function liveSourceOrThrow(tx: DbOrTx, id: string) {
  const source = await tx.source.findUnique({ where: { id }, select: { ...SOURCE_FIELD_SELECT, id: true, mergedIntoId: true } });
  if (!source) throw new AppError("NOT_FOUND", "There is no such source in the library.");
  if (source.mergedIntoId) throw new AppError("CONFLICT", "This source was merged into another; edit that one.", { mergedIntoId: source.mergedIntoId });
  return source;
}

/**
 * Changes a source's fields, keeping the previous and the new version. Refused when the new
 * address or DOI belongs to another record: merge the two instead. Returns the ids of the pages
 * whose readers' version cites it, whose References change with it.
 */
export async function updateSource(db: Db, account: Account | null, id: string, input: unknown): Promise<{ citingPages: string[] }> {
  const author = authorize(account, "changeSources");
  const parsed = SourceFieldsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: fieldErrors(parsed.error) });
  const { summary, authors, ...fields } = parsed.data;
  const data: StoredSourceFields = { ...fields, authors: JSON.stringify(parseAuthorList(authors)), doi: fields.doi ? normalizeDoi(fields.doi) : null };
  const normalizedUrl = data.url ? normalizeUrl(data.url) : null;
  return changeTransaction(db, async (tx, stale) => {
    const before = await liveSourceOrThrow(tx, id);
    await assertMayChangeCited(tx, author, [id]);
    const clash = await tx.source.findFirst({
      where: { id: { not: id }, OR: [...(normalizedUrl ? [{ normalizedUrl }] : []), ...(data.doi ? [{ doi: data.doi }] : [])] },
      select: { id: true, title: true },
    });
    if (clash) throw new AppError("CONFLICT", `“${clash.title}” already has this address or DOI: merge the two sources instead.`, { otherId: clash.id });
    const { id: _id, mergedIntoId: _m, ...previous } = before;
    // Records made before versions were kept get their first version now.
    if (!(await tx.sourceRevision.count({ where: { sourceId: id } }))) await recordVersion(tx, id, previous, null, "As first recorded");
    await tx.source.update({ where: { id }, data: { ...data, normalizedUrl } });
    await recordVersion(tx, id, data, author.id, summary);
    await indexPagesCiting(tx, [id]);
    const citingPages = await pagesCiting(tx, [id]);
    for (const pageId of citingPages) stale.page(pageId);
    return { citingPages };
  });
}

/**
 * Refuses a change to sources that would change what a protected page, or a page whose changes are
 * reviewed, shows its readers, when the editor could not make that change to the page itself: a
 * source edit must not go round the page's protection or its review.
 */
async function assertMayChangeCited(tx: DbOrTx, author: Account, sourceIds: string[]): Promise<void> {
  const pages = await tx.page.findMany({
    where: { deletedAt: null, publishedRevision: { citations: { some: { sourceId: { in: sourceIds } } } } },
    select: { slug: true, title: true, protected: true, reviewPolicy: true },
    orderBy: { slug: "asc" },
  });
  const guarded = pages.find((p) => p.protected && !can(author, "edit", { protected: true }));
  if (guarded) throw new AppError("FORBIDDEN", `This source is cited by “${guarded.title}”, which is protected: only reviewers and administrators can change it.`);
  if (can(author, "review")) return;
  for (const page of pages) {
    if (await reviewRequired(tx, page.slug, page.reviewPolicy)) {
      throw new AppError("FORBIDDEN", `This source is cited by “${page.title}”, whose changes are reviewed: a reviewer must change it.`);
    }
  }
}

/** The ids of live pages whose readers' version cites any of these sources. */
export async function pagesCiting(db: DbOrTx, sourceIds: string[]): Promise<string[]> {
  const pages = await db.page.findMany({ where: { deletedAt: null, publishedRevision: { citations: { some: { sourceId: { in: sourceIds } } } } }, select: { slug: true } });
  return pages.map((p) => p.slug);
}

/**
 * Merges a duplicate into the record it repeats: every citation of it follows (old revisions keep
 * rendering, showing the kept record), fields the kept record lacks are filled from the duplicate,
 * and the duplicate stays behind only as a pointer.
 */
export async function mergeSources(db: Db, account: Account | null, input: { from: string; into: string }): Promise<{ citingPages: string[] }> {
  const author = authorize(account, "changeSources");
  if (input.from === input.into) throw new AppError("INVALID_INPUT", "A source cannot be merged into itself.");
  return changeTransaction(db, async (tx, stale) => {
    const [from, into] = [await liveSourceOrThrow(tx, input.from), await liveSourceOrThrow(tx, input.into)];
    await assertMayChangeCited(tx, author, [from.id, into.id]);
    const filled = Object.fromEntries(
      SOURCE_FIELD_NAMES.filter((key) => key !== "authors" && !into[key] && from[key]).map((key) => [key, from[key]]),
    ) as Partial<StoredSourceFields>;
    if (into.authors === "[]" && from.authors !== "[]") filled.authors = from.authors;
    const citingPages = await pagesCiting(tx, [from.id, into.id]);
    for (const pageId of citingPages) stale.page(pageId);
    // The duplicate gives up its address and DOI so new citations find the kept record.
    await tx.source.update({ where: { id: from.id }, data: { mergedIntoId: into.id, normalizedUrl: null, doi: null } });
    await tx.source.updateMany({ where: { mergedIntoId: from.id }, data: { mergedIntoId: into.id } });
    await tx.citation.updateMany({ where: { sourceId: from.id }, data: { sourceId: into.id } });
    const { id: _id, mergedIntoId: _m, ...current } = into;
    if (!(await tx.sourceRevision.count({ where: { sourceId: into.id } }))) await recordVersion(tx, into.id, current, null, "As first recorded");
    const merged: StoredSourceFields = { ...current, ...filled };
    await tx.source.update({ where: { id: into.id }, data: { ...merged, normalizedUrl: merged.url ? normalizeUrl(merged.url) : null } });
    await recordVersion(tx, into.id, merged, author.id, `Merged “${from.title}” into this source`);
    await indexPagesCiting(tx, [into.id]);
    return { citingPages };
  });
}

export interface SourceVersion {
  number: number;
  createdAt: Date;
  editor: string | null;
  summary: string;
  data: StoredSourceFields;
}

/** A source's versions, newest first. */
export async function getSourceVersions(db: DbOrTx, id: string): Promise<SourceVersion[]> {
  const rows = await db.sourceRevision.findMany({
    where: { sourceId: id },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, summary: true, data: true, editor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.createdAt,
    summary: r.summary,
    editor: r.editor?.name ?? null,
    data: { ...EMPTY_SOURCE_FIELDS, ...(JSON.parse(r.data) as Partial<StoredSourceFields>) },
  }));
}
