import { createHash } from "node:crypto";
import { canonicalJson, collectCitations, collectFigureUses, collectLinkTargets, type DocumentJSON, storedDocument, withoutTrailingEmptyParagraphs } from "../content/document";
import { type MergeConflict, mergeDocuments } from "../content/merge";
import { pageNamespace, titleFromPageId } from "../content/page-id";
import type { Db, Tx } from "../db";
import { authorize } from "../auth/policy";
import { changeTransaction } from "../cache/invalidation";
import { DocumentValidationError, parseDocument } from "../validation/document";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { findPage } from "./page-lookup";
import { markApproved, saveWaitsForReview } from "./review-policy";
import { type IndexedRevision, indexPage } from "./search";

export interface SaveRevisionInput {
  /** The page id (slug); the page is created when it does not exist. */
  pageId: string;
  /** The page title; kept as it is for an existing page when not given. */
  title?: string;
  /** The document, checked here against the editor's schema. */
  doc: unknown;
  authorId: string;
  summary: string;
  minor?: boolean;
  /** "revert" for reverts, undos and rollbacks; "edit" otherwise. */
  action?: "edit" | "revert";
  /**
   * The author may approve their own revision (reviewers, administrators, imports): where edits
   * need review, it is published at once, with any pending revisions it was written on.
   */
  selfApproved?: boolean;
  /**
   * The revision the edit started from (null: the editor expected a new page). When another
   * revision was saved since, the two edits are merged, or the save is refused as a conflict.
   * Left out only by imports, which always apply on top of the latest revision.
   */
  baseRevisionId?: number | null;
  /** When the revision was written: an imported history keeps its dates. Now when not given. */
  createdAt?: Date;
  /**
   * The account saving, checked against the page as the transaction reads it (whether it is
   * protected), so nothing changes between the check and the save. Imports and events leave it out.
   */
  editor?: Account;
}

export type SaveRevisionResult =
  { status: "created"; revisionId: number; number: number; merged: boolean; pageCreated: boolean; pending: boolean } | { status: "unchanged"; revisionId: number; number: number };

/** What a conflicting save needs to be resolved: the newer revision and the blocks in dispute. */
export interface ConflictDetails {
  latestRevisionId: number;
  latestNumber: number;
  theirs: DocumentJSON;
  conflicts: MergeConflict[];
  /** The merge with the disputed passages taken from the saver's side, or from the newer revision. */
  resolved?: { mine: DocumentJSON; theirs: DocumentJSON };
}

/** The SHA-256 of a document's canonical JSON: equal documents, equal hashes. */
export function contentHash(doc: DocumentJSON): string {
  return createHash("sha256").update(canonicalJson(doc)).digest("hex");
}

/**
 * Saves a document as the page's newest revision, with its citations and links, in one
 * transaction. A document identical to the latest revision makes no revision. Two saves racing on
 * one page never overwrite each other: the loser sees the winner's revision and merges or conflicts.
 */
export async function savePageRevision(db: Db, input: SaveRevisionInput): Promise<SaveRevisionResult> {
  const doc = checkDocument(input.doc);
  return changeTransaction(db, async (tx, stale) => {
    const saved = await writeCheckedRevision(tx, input, doc);
    if (saved.status === "created") stale.page(input.pageId, { existenceChanged: saved.pageCreated });
    return saved;
  });
}

/** A document checked against the editor's schema, refusals worded for people. */
export function checkDocument(value: unknown): DocumentJSON {
  try {
    return withoutTrailingEmptyParagraphs(parseDocument(value));
  } catch (error) {
    if (error instanceof DocumentValidationError) throw new AppError("INVALID_INPUT", error.problems.join(" "), { problems: error.problems });
    throw error;
  }
}

/** {@link savePageRevision} within a transaction the caller holds, to compose it with other writes. */
export async function writePageRevision(tx: Tx, input: SaveRevisionInput): Promise<SaveRevisionResult> {
  return writeCheckedRevision(tx, input, checkDocument(input.doc));
}

async function writeCheckedRevision(tx: Tx, input: SaveRevisionInput, checked: DocumentJSON): Promise<SaveRevisionResult> {
  let doc = checked;
  const existing = await tx.page.findUnique({
    where: { slug: input.pageId },
    select: {
      id: true,
      title: true,
      deletedAt: true,
      protected: true,
      reviewPolicy: true,
      latestRevision: { select: { id: true, number: true, contentHash: true, size: true, reviewState: true } },
    },
  });
  if (input.editor) authorize(input.editor, "edit", existing ?? undefined);
  if (existing?.deletedAt) throw new AppError("FORBIDDEN", "This page was deleted; an administrator can restore it from its history.");
  const latest = existing?.latestRevision ?? null;
  let merged = false;

  if (input.baseRevisionId !== undefined && (input.baseRevisionId ?? null) !== (latest?.id ?? null)) {
    if (!latest) throw new AppError("CONFLICT", "This page no longer exists in the version you started from.");
    // One after the other: inside a transaction, PostgreSQL's connection takes one query at a time.
    const base = input.baseRevisionId === null ? null : await tx.revision.findFirst({ where: { id: input.baseRevisionId, pageId: existing!.id }, select: { content: true } });
    const newest = await tx.revision.findUniqueOrThrow({ where: { id: latest.id }, select: { content: true } });
    const theirs = storedDocument(newest.content);
    if (!base) {
      throw new AppError("CONFLICT", "Someone created this page while you were writing it.", {
        latestRevisionId: latest.id,
        latestNumber: latest.number,
        theirs,
        conflicts: [],
      } satisfies ConflictDetails);
    }
    const result = mergeDocuments(storedDocument(base.content), doc, theirs);
    if (!result.clean) {
      throw new AppError("CONFLICT", `Someone else saved revision ${latest.number} while you were editing, changing the same passages.`, {
        latestRevisionId: latest.id,
        latestNumber: latest.number,
        theirs,
        conflicts: result.conflicts,
        resolved: result.resolved,
      } satisfies ConflictDetails);
    }
    doc = checkDocument(result.doc);
    merged = true;
  }

  const content = canonicalJson(doc);
  const hash = contentHash(doc);
  const title = input.title?.trim() || existing?.title || titleFromPageId(input.pageId);
  if (latest && latest.contentHash === hash && existing!.title === title) {
    return { status: "unchanged", revisionId: latest.id, number: latest.number };
  }

  const page = existing ?? (await tx.page.create({ data: { slug: input.pageId, namespace: pageNamespace(input.pageId), title }, select: { id: true } }));
  const size = Buffer.byteLength(content, "utf8");
  const pending = await saveWaitsForReview(tx, input.pageId, existing, { id: input.authorId, selfApproved: !!input.selfApproved });
  const revision = await tx.revision.create({
    data: {
      pageId: page.id,
      number: (latest?.number ?? 0) + 1,
      parentId: latest?.id ?? null,
      authorId: input.authorId,
      content,
      contentHash: hash,
      summary: input.summary.trim(),
      minor: input.minor ?? false,
      action: input.action ?? "edit",
      size,
      sizeDelta: size - (latest?.size ?? 0),
      reviewState: pending ? "pending" : "approved",
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
    select: { id: true, number: true },
  });
  const cited = await recordReferences(tx, [{ revisionId: revision.id, doc }]);
  // updateMany: Prisma's update would read the row back, which nothing here needs (a third of the update's cost).
  await tx.page.updateMany({
    where: { id: page.id },
    // The latest revision guards the number: a concurrent save with the same parent fails here or on the unique number.
    // Writing at a redirect's id turns the redirect into a page of its own.
    data: { title, latestRevisionId: revision.id, ...(pending ? {} : { publishedRevisionId: revision.id }), redirectTo: null },
  });
  if (!pending && latest?.reviewState === "pending") {
    // Written on top of pending revisions by someone who may approve them: they are approved with it.
    const reviewer = await tx.user.findUniqueOrThrow({ where: { id: input.authorId }, select: { id: true, name: true } });
    await markApproved(tx, {
      pageDbId: page.id,
      pageId: input.pageId,
      reviewer: { id: reviewer.id, name: reviewer.name ?? "unknown" },
      comment: `Approved by saving revision ${revision.number} on top of them`,
      upTo: revision.number,
    });
  }
  await indexPage(tx, page.id, [{ id: revision.id, reviewState: pending ? "pending" : "approved", doc, sources: cited.get(revision.id)! }]);
  return { status: "created", revisionId: revision.id, number: revision.number, merged, pageCreated: !existing, pending };
}

/** The sources each revision cites, in the order cited, as the search index takes them. */
type CitedSources = Map<number, IndexedRevision["sources"]>;

/**
 * The citations, links and figures of newly written revisions, each kept with its revision (in one
 * query each, however many revisions). A citation must name a source in the library, or a draft source,
 * which joins the library. Returns the sources each revision cites, so the index need not read them.
 */
async function recordReferences(tx: Tx, written: { revisionId: number; doc: DocumentJSON }[]): Promise<CitedSources> {
  const citations = written.flatMap(({ revisionId, doc }) => collectCitations(doc).map((c, position) => ({ revisionId, position, ...c })));
  const cited = citations.length
    ? await tx.source.findMany({ where: { id: { in: [...new Set(citations.map((c) => c.sourceId))] } }, select: { id: true, draftOfId: true, title: true, authors: true } })
    : [];
  const byId = new Map(cited.map((source) => [source.id, source]));
  const missing = citations.find((c) => !byId.has(c.sourceId));
  if (missing) throw new AppError("INVALID_INPUT", `A citation points at a source that is not in the library (${missing.sourceId.slice(0, 40)}).`);
  if (citations.length) await tx.citation.createMany({ data: citations });
  // A draft source (added in the editor) joins the library with the first saved revision citing it.
  const drafts = cited.filter((k) => k.draftOfId).map((k) => k.id);
  if (drafts.length) await tx.source.updateMany({ where: { id: { in: drafts } }, data: { draftOfId: null } });
  const links = written.flatMap(({ revisionId, doc }) => collectLinkTargets(doc).map((targetSlug) => ({ revisionId, targetSlug })));
  if (links.length) await tx.link.createMany({ data: links });
  const uses = written.flatMap(({ revisionId, doc }) => collectFigureUses(doc).map((use) => ({ revisionId, ...use })));
  if (uses.length) await tx.mediaUse.createMany({ data: uses });
  const sources: CitedSources = new Map(written.map(({ revisionId }) => [revisionId, []]));
  for (const c of citations) sources.get(c.revisionId)!.push(byId.get(c.sourceId)!);
  return sources;
}

/** One revision of an imported history: its document and who wrote it when. */
export interface ImportedRevision {
  doc: unknown;
  authorId: string;
  summary: string;
  minor: boolean;
  action: "edit" | "revert";
  createdAt: Date;
}

/**
 * Appends revisions written elsewhere (a DokuWiki's attic) to a page, creating it, each with its own
 * author and date, all approved: the page then shows the last. A revision identical to the one
 * before it is left out. Citations, links, the page and its search entry are written once for all
 * of them, so a long history costs about one query per revision. Returns how many were written.
 */
export async function appendImportedRevisions(tx: Tx, input: { pageId: string; title: string; revisions: ImportedRevision[] }): Promise<number> {
  const existing = await tx.page.findUnique({
    where: { slug: input.pageId },
    select: { id: true, deletedAt: true, latestRevision: { select: { id: true, number: true, contentHash: true, size: true, reviewState: true } } },
  });
  if (existing?.deletedAt) throw new AppError("FORBIDDEN", "This page was deleted; an administrator can restore it from its history.");
  if (existing?.latestRevision?.reviewState === "pending") {
    // Revisions wait for review: each import is a save that approves them, as any import is.
    let count = 0;
    for (const revision of input.revisions) {
      const result = await writePageRevision(tx, { pageId: input.pageId, title: input.title, ...revision, selfApproved: true });
      if (result.status === "created") count++;
    }
    return count;
  }
  let previous = existing?.latestRevision ?? null;
  let pageDbId = existing?.id ?? null;
  const written: { revisionId: number; doc: DocumentJSON }[] = [];
  for (const revision of input.revisions) {
    const doc = checkDocument(revision.doc);
    const hash = contentHash(doc);
    if (previous?.contentHash === hash) continue;
    pageDbId ??= (await tx.page.create({ data: { slug: input.pageId, namespace: pageNamespace(input.pageId), title: input.title }, select: { id: true } })).id;
    const content = canonicalJson(doc);
    const size = Buffer.byteLength(content, "utf8");
    const created = await tx.revision.create({
      data: {
        pageId: pageDbId,
        number: (previous?.number ?? 0) + 1,
        parentId: previous?.id ?? null,
        authorId: revision.authorId,
        content,
        contentHash: hash,
        summary: revision.summary.trim(),
        minor: revision.minor,
        action: revision.action,
        size,
        sizeDelta: size - (previous?.size ?? 0),
        createdAt: revision.createdAt,
      },
      select: { id: true, number: true },
    });
    written.push({ revisionId: created.id, doc });
    previous = { id: created.id, number: created.number, contentHash: hash, size, reviewState: "approved" };
  }
  if (!written.length || pageDbId === null) return 0;
  const cited = await recordReferences(tx, written);
  const last = written.at(-1)!;
  await tx.page.updateMany({ where: { id: pageDbId }, data: { title: input.title, latestRevisionId: last.revisionId, publishedRevisionId: last.revisionId, redirectTo: null } });
  await indexPage(tx, pageDbId, [{ id: last.revisionId, reviewState: "approved", doc: last.doc, sources: cited.get(last.revisionId)! }]);
  return written.length;
}

/** The newest revision of a page, as the editor starts from it. */
export async function getLatestRevision(db: Db | Tx, pageId: string) {
  const page = await findPage(db, pageId, {
    title: true,
    protected: true,
    latestRevision: { select: { id: true, number: true, content: true, reviewState: true } },
    publishedRevision: { select: { number: true } },
  });
  if (!page?.latestRevision) return null;
  return {
    pageId: page.slug,
    title: page.title,
    protected: page.protected,
    revisionId: page.latestRevision.id,
    number: page.latestRevision.number,
    reviewState: page.latestRevision.reviewState,
    /** The revision readers see; older than `number` while revisions wait for review. */
    publishedNumber: page.publishedRevision?.number ?? null,
    doc: storedDocument(page.latestRevision.content),
  };
}

/** Events a page's history records without changing its text. */
export type PageEventAction = "move" | "delete" | "restore" | "protect" | "unprotect";

/**
 * Records an event (a rename, deletion, protection…) in the page's history as a revision that
 * repeats the latest text, its citations, links and figures, so the history tells the whole story and every
 * revision still renders on its own.
 */
export async function writeEventRevision(tx: Tx, input: { pageDbId: number; authorId: string; action: PageEventAction; summary: string }) {
  const page = await tx.page.findUniqueOrThrow({
    where: { id: input.pageDbId },
    select: {
      publishedRevisionId: true,
      latestRevision: { select: { id: true, number: true, content: true, contentHash: true, size: true, reviewState: true, citations: true, links: true, mediaUses: true } },
    },
  });
  const latest = page.latestRevision;
  if (!latest) throw new AppError("NOT_FOUND", "This page has no revisions.");
  const revision = await tx.revision.create({
    data: {
      pageId: input.pageDbId,
      number: latest.number + 1,
      parentId: latest.id,
      authorId: input.authorId,
      content: latest.content,
      contentHash: latest.contentHash,
      summary: input.summary,
      size: latest.size,
      sizeDelta: 0,
      reviewState: latest.reviewState,
      action: input.action,
    },
    select: { id: true, number: true },
  });
  if (latest.citations.length) {
    await tx.citation.createMany({ data: latest.citations.map(({ id: _id, revisionId: _r, ...c }) => ({ ...c, revisionId: revision.id })) });
  }
  if (latest.links.length) await tx.link.createMany({ data: latest.links.map((l) => ({ revisionId: revision.id, targetSlug: l.targetSlug })) });
  if (latest.mediaUses.length) await tx.mediaUse.createMany({ data: latest.mediaUses.map((u) => ({ ...u, revisionId: revision.id })) });
  await tx.page.updateMany({
    where: { id: input.pageDbId },
    data: { latestRevisionId: revision.id, ...(page.publishedRevisionId === latest.id ? { publishedRevisionId: revision.id } : {}) },
  });
  // The event (a rename, a deletion, a restoration) is what changes what search finds.
  await indexPage(tx, input.pageDbId);
  return revision;
}
