import { can, authorize } from "../auth/policy";
import { undoDocument } from "../content/merge";
import type { Db } from "../db";
import { changeTransaction } from "../cache/invalidation";
import type { Account } from "./accounts";
import { assertCanEdit } from "./edit";
import { AppError } from "./errors";
import { compareRevisions, getPageHeaderOrThrow, getRevisionOrThrow, type RevisionComparison } from "./history";
import { markRejected } from "./review-policy";
import { type SaveRevisionResult, savePageRevision, writePageRevision } from "./revisions";

/** The summary a revert or an undo of revision `number` (by `author`) writes, and the editor's reason after it. */
export function revertSummary(mode: "revert" | "undo", number: number, author: string, reason?: string): string {
  const summary = mode === "undo" ? `Undid revision ${number} by ${author}` : `Reverted to revision ${number} by ${author}`;
  return reason?.trim() ? `${summary}: ${reason.trim()}` : summary;
}

/**
 * What a revert or an undo would change, before it is done: a revert makes the latest text read as
 * revision `number`; an undo takes back that revision's own changes. Null when there is nothing to
 * show (a revert to the latest, an undo of the first) or the account may not read it.
 */
export async function previewRevert(
  db: Db,
  account: Account | null,
  page: { pageId: string; latestNumber: number },
  number: number,
  mode: "revert" | "undo",
): Promise<RevisionComparison | null> {
  const [from, to] = mode === "undo" ? [number, number - 1] : [page.latestNumber, number];
  if (from === to || to < 1) return null;
  return compareRevisions(db, account, page.pageId, from, to).catch(() => null);
}

/**
 * Makes the page read as revision `number` did, as a new revision saying so. Later revisions stay
 * in the history. When someone saves meanwhile, the revert merges with their edit like any save.
 */
export async function revertToRevision(db: Db, account: Account | null, options: { pageId: string; number: number; reason?: string }): Promise<SaveRevisionResult> {
  const page = await getPageHeaderOrThrow(db, options.pageId);
  const author = await assertCanEdit(db, account, page.pageId);
  const [target, latest] = await Promise.all([getRevisionOrThrow(db, page.id, options.number), getRevisionOrThrow(db, page.id, page.latestNumber)]);
  return savePageRevision(db, {
    pageId: page.pageId,
    doc: target.doc,
    authorId: author.id,
    summary: revertSummary("revert", target.summary.number, target.summary.author.name, options.reason),
    baseRevisionId: latest.summary.id,
    action: "revert",
    selfApproved: can(author, "review"),
  });
}

/**
 * Takes back what revision `number` changed while keeping every later revision: a three-way merge
 * of the revision's parent into the latest text, with the revision as the common base. Refused
 * with a clear message when later edits touched the same passages.
 */
export async function undoRevision(db: Db, account: Account | null, options: { pageId: string; number: number; reason?: string }): Promise<SaveRevisionResult> {
  const page = await getPageHeaderOrThrow(db, options.pageId);
  const author = await assertCanEdit(db, account, page.pageId);
  if (options.number <= 1) throw new AppError("INVALID_INPUT", "The first revision cannot be undone: there is nothing before it.");
  const [undone, parent, latest] = await Promise.all([
    getRevisionOrThrow(db, page.id, options.number),
    getRevisionOrThrow(db, page.id, options.number - 1),
    getRevisionOrThrow(db, page.id, page.latestNumber),
  ]);
  const merged = undoDocument(undone.doc, parent.doc, latest.doc);
  if (!merged.clean) {
    throw new AppError(
      "CONFLICT",
      `Revision ${undone.summary.number} cannot be undone automatically: later revisions changed the same passages. Edit the page by hand, or revert to an earlier revision.`,
    );
  }
  return savePageRevision(db, {
    pageId: page.pageId,
    doc: merged.doc,
    authorId: author.id,
    summary: revertSummary("undo", undone.summary.number, undone.summary.author.name, options.reason),
    baseRevisionId: latest.summary.id,
    action: "revert",
    selfApproved: can(author, "review"),
  });
}

/** How many latest revisions rollback looks through for the start of one author's run. */
const ROLLBACK_SCAN = 500;

/**
 * Reviewers' and admins' one-step cleanup: undoes the latest consecutive revisions by the author
 * of the newest one, returning the page to the revision before them.
 */
export async function rollbackAuthor(db: Db, account: Account | null, options: { pageId: string }): Promise<SaveRevisionResult & { undone: number }> {
  const reviewer = authorize(account, "rollback");
  const page = await getPageHeaderOrThrow(db, options.pageId);
  const recent = await db.revision.findMany({
    where: { pageId: page.id },
    orderBy: { number: "desc" },
    take: ROLLBACK_SCAN,
    select: { id: true, number: true, authorId: true, reviewState: true, author: { select: { name: true } } },
  });
  const run = recent.findIndex((r) => r.authorId !== recent[0].authorId);
  if (run < 0) throw new AppError("INVALID_INPUT", `Every recent revision is by ${recent[0].author.name}: there is no earlier author's version to return to.`);
  const target = await getRevisionOrThrow(db, page.id, recent[run].number);
  const summary = `Rolled back ${run} ${run === 1 ? "edit" : "edits"} by ${recent[0].author.name} to revision ${target.summary.number} by ${target.summary.author.name}`;
  const result = await changeTransaction(db, async (tx, stale) => {
    stale.page(page.pageId);
    // Rolled-back revisions still waiting for review are rejected, never approved by the rollback.
    const pending = recent.slice(0, run).filter((r) => r.reviewState === "pending");
    if (pending.length) await markRejected(tx, { pageDbId: page.id, pageId: page.pageId, reviewer, comment: "Rolled back", revisions: pending });
    return writePageRevision(tx, { pageId: page.pageId, doc: target.doc, authorId: reviewer.id, summary, baseRevisionId: recent[0].id, action: "revert", selfApproved: true });
  });
  return { ...result, undone: run };
}
