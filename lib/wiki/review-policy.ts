import type { Account } from "../auth/account";
import { can } from "../auth/policy";
import { pageHref, pageNamespace } from "../content/page-id";
import type { DbOrTx, Tx } from "../db";
import { AppError } from "./errors";
import { indexPage } from "./search";
import { getSiteSetting, SETTINGS } from "./settings";

// Which pages need review, and what approving does to the rows: shared by saving (a reviewer's own
// save approves what it was written on) and by the review queue.

export type ReviewPolicy = "required" | "none";

/**
 * Whether an account reads revisions that are not approved (waiting for review, or rejected), as
 * the site's `pendingVisibility` says: everyone, signed-in accounts (the default), or reviewers.
 */
export async function mayReadUnapproved(db: DbOrTx, account: Account | null): Promise<boolean> {
  const visibility = await getSiteSetting(db, "pendingVisibility");
  if (visibility === "everyone") return true;
  if (!account || account.blocked) return false;
  return visibility === "signedIn" || can(account, "review");
}

/** Refuses to show the text of revisions that are not approved to whoever may not read it. */
export async function assertReadable(db: DbOrTx, account: Account | null, revisions: { number: number; reviewState: string }[]): Promise<void> {
  const hidden = revisions.find((revision) => revision.reviewState !== "approved");
  if (!hidden || (await mayReadUnapproved(db, account))) return;
  const what = `Revision ${hidden.number} ${hidden.reviewState === "rejected" ? "was rejected" : "is waiting for review"}`;
  throw account ? new AppError("FORBIDDEN", `${what}: only reviewers read it.`) : new AppError("UNAUTHENTICATED", `${what}: sign in to read it.`);
}

/** The setting key of a namespace's review policy. */
export const namespacePolicyKey = (namespace: string) => `${SETTINGS.reviewPolicy.key}:${namespace}`;

/**
 * Whether edits to this page need review: the page's own policy, else the nearest namespace's
 * (`science:physics`, then `science`), else the site's. One query for the namespaces.
 */
export async function reviewRequired(db: DbOrTx, pageId: string, pagePolicy: string | null): Promise<boolean> {
  if (pagePolicy === "required" || pagePolicy === "none") return pagePolicy === "required";
  const namespaces: string[] = [];
  for (let ns = pageNamespace(pageId); ns; ns = pageNamespace(ns)) namespaces.push(ns);
  if (namespaces.length) {
    const rows = await db.setting.findMany({ where: { key: { in: namespaces.map(namespacePolicyKey) } } });
    const nearest = namespaces.map((ns) => rows.find((r) => r.key === namespacePolicyKey(ns))).find(Boolean);
    if (nearest) return nearest.value === "required";
  }
  return (await getSiteSetting(db, "reviewPolicy")) === "required";
}

/** The page a revision is saved on, as deciding whether it waits for review needs it; null for a new page. */
export interface SavedOnPage {
  id: number;
  reviewPolicy: string | null;
  latestRevision: { reviewState: string } | null;
}

/**
 * Whether a revision this author saves on the page waits for review: when the page needs review
 * and the save is not a reviewer's, or when the author already has revisions waiting there (saving
 * on top of others' pending revisions approves them, but nobody approves their own words).
 */
export async function saveWaitsForReview(db: DbOrTx, pageId: string, page: SavedOnPage | null, author: { id: string; selfApproved: boolean }): Promise<boolean> {
  const ownPending = page?.latestRevision?.reviewState === "pending" && (await db.revision.count({ where: { pageId: page.id, reviewState: "pending", authorId: author.id } })) > 0;
  return ownPending || (!author.selfApproved && (await reviewRequired(db, pageId, page?.reviewPolicy ?? null)));
}

/** Whether an edit this account saves on the page now would wait for review, which the editor says before saving. */
export async function editWaitsForReview(db: DbOrTx, account: Account | null, pageId: string): Promise<boolean> {
  if (!account) return false;
  const page = await db.page.findUnique({ where: { slug: pageId }, select: { id: true, reviewPolicy: true, latestRevision: { select: { reviewState: true } } } });
  return saveWaitsForReview(db, pageId, page, { id: account.id, selfApproved: can(account, "review") });
}

export interface Reviewed {
  pageDbId: number;
  pageId: string;
  reviewer: { id: string; name: string };
  comment: string;
}

/**
 * Approves every pending revision of the page up to `upTo` (a number), records it in the review
 * log, tells their authors, and publishes the newest of them. Part of a transaction the caller holds.
 */
export async function markApproved(tx: Tx, input: Reviewed & { upTo: number }): Promise<{ from: number; to: number } | null> {
  const pending = await tx.revision.findMany({
    where: { pageId: input.pageDbId, reviewState: "pending", number: { lte: input.upTo } },
    orderBy: { number: "asc" },
    select: { id: true, number: true, authorId: true },
  });
  if (!pending.length) return null;
  // Approving a range approves every revision in it: none of them may be the reviewer's own.
  const own = pending.find((r) => r.authorId === input.reviewer.id);
  if (own) throw new AppError("FORBIDDEN", `Revision ${own.number} is your own; another reviewer must approve it.`);
  const now = new Date();
  await tx.revision.updateMany({
    where: { id: { in: pending.map((r) => r.id) } },
    data: { reviewState: "approved", reviewedById: input.reviewer.id, reviewedAt: now, reviewNote: input.comment || null },
  });
  const newest = pending.at(-1)!;
  const page = await tx.page.findUniqueOrThrow({ where: { id: input.pageDbId }, select: { publishedRevision: { select: { number: true } } } });
  if ((page.publishedRevision?.number ?? 0) < newest.number) {
    await tx.page.update({ where: { id: input.pageDbId }, data: { publishedRevisionId: newest.id } });
  }
  const range = { from: pending[0].number, to: newest.number };
  await tx.reviewLog.create({
    data: { pageId: input.pageDbId, reviewerId: input.reviewer.id, action: "approve", fromNumber: range.from, toNumber: range.to, comment: input.comment },
  });
  await notifyAuthors(tx, pending, input, "approved", range);
  await indexPage(tx, input.pageDbId);
  return range;
}

/** "revision 4" or "revisions 4–6". */
export const revisionRange = (range: { from: number; to: number }) => (range.from === range.to ? `revision ${range.from}` : `revisions ${range.from}–${range.to}`);

/**
 * Rejects these pending revisions with the reviewer's reason, records it in the review log and
 * tells their authors. Part of a transaction the caller holds.
 */
export async function markRejected(tx: Tx, input: Reviewed & { revisions: { id: number; number: number; authorId: string }[] }): Promise<{ from: number; to: number }> {
  const numbers = input.revisions.map((r) => r.number);
  const range = { from: Math.min(...numbers), to: Math.max(...numbers) };
  await tx.revision.updateMany({
    where: { id: { in: input.revisions.map((r) => r.id) } },
    data: { reviewState: "rejected", reviewedById: input.reviewer.id, reviewedAt: new Date(), reviewNote: input.comment },
  });
  await tx.reviewLog.create({
    data: { pageId: input.pageDbId, reviewerId: input.reviewer.id, action: "reject", fromNumber: range.from, toNumber: range.to, comment: input.comment },
  });
  await notifyAuthors(tx, input.revisions, input, "rejected", range);
  await indexPage(tx, input.pageDbId);
  return range;
}

async function notifyAuthors(tx: Tx, revisions: { authorId: string; number: number }[], input: Reviewed, kind: "approved" | "rejected", range: { from: number; to: number }) {
  const authors = [...new Set(revisions.map((r) => r.authorId))].filter((id) => id !== input.reviewer.id);
  if (!authors.length) return;
  const which = revisionRange(range);
  const because = input.comment ? `: ${input.comment}` : ".";
  // Said with the page's title, as readers know it.
  const page = await tx.page.findUniqueOrThrow({ where: { id: input.pageDbId }, select: { title: true } });
  const message = `${input.reviewer.name} ${kind} ${which} of “${page.title}”${because}`;
  const link = `${pageHref(input.pageId)}/history`;
  await tx.notification.createMany({ data: authors.map((userId) => ({ userId, kind, message, link })) });
}
