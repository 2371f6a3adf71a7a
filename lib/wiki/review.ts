import { can } from "../auth/policy";
import type { DocumentJSON } from "../content/document";
import type { Db, DbOrTx, Tx } from "../db";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { markApproved, namespacePolicyKey, notifyAuthors, type ReviewPolicy } from "./review-policy";
import { SETTINGS } from "./settings";
import { type SaveRevisionResult, writePageRevision } from "./revisions";

async function pendingRevisionOrThrow(tx: Tx, account: Account | null, pageId: string, number: number) {
  if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to review.");
  if (!can(account, "review")) throw new AppError("FORBIDDEN", "Only reviewers and administrators review revisions.");
  const page = await tx.page.findUnique({ where: { slug: pageId }, select: { id: true, slug: true, deletedAt: true } });
  if (!page || page.deletedAt) throw new AppError("NOT_FOUND", `There is no page "${pageId}".`);
  const revision = await tx.revision.findUnique({ where: { pageId_number: { pageId: page.id, number } }, select: { id: true, number: true, authorId: true, reviewState: true } });
  if (!revision) throw new AppError("NOT_FOUND", `This page has no revision ${number}.`);
  if (revision.reviewState !== "pending") throw new AppError("CONFLICT", `Revision ${number} is not waiting for review (it is ${revision.reviewState}).`);
  return { page, revision, reviewer: account };
}

export interface ReviewInput {
  pageId: string;
  number: number;
  comment?: string;
}

/**
 * Approves a pending revision and every pending one before it, and publishes it: readers see it
 * from now on. Nobody approves their own revision.
 */
export async function approveRevision(db: Db, account: Account | null, input: ReviewInput): Promise<{ from: number; to: number }> {
  return db.$transaction(async (tx: Tx) => {
    const { page, revision, reviewer } = await pendingRevisionOrThrow(tx, account, input.pageId, input.number);
    if (revision.authorId === reviewer.id) throw new AppError("FORBIDDEN", "You cannot approve your own revision; another reviewer must.");
    return (await markApproved(tx, { pageDbId: page.id, pageId: page.slug, reviewer, comment: input.comment?.trim() ?? "", upTo: revision.number }))!;
  });
}

/**
 * Rejects a pending revision and the pending ones after it (they were written on top of it), with
 * the reason, and tells their authors. They stay in the history, marked rejected, and readers never
 * see them: the page goes back to the revision before them, as a new revision saying so.
 */
export async function rejectRevision(db: Db, account: Account | null, input: ReviewInput): Promise<{ from: number; to: number; revert: SaveRevisionResult }> {
  const comment = input.comment?.trim() ?? "";
  if (!comment) throw new AppError("INVALID_INPUT", "Say why the revision is rejected: its author will read it.");
  return db.$transaction(async (tx: Tx) => {
    const { page, revision, reviewer } = await pendingRevisionOrThrow(tx, account, input.pageId, input.number);
    const rejected = await tx.revision.findMany({
      where: { pageId: page.id, reviewState: "pending", number: { gte: revision.number } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, authorId: true },
    });
    await tx.revision.updateMany({
      where: { id: { in: rejected.map((r) => r.id) } },
      data: { reviewState: "rejected", reviewedById: reviewer.id, reviewedAt: new Date(), reviewNote: comment },
    });
    const range = { from: rejected[0].number, to: rejected.at(-1)!.number };
    await tx.reviewLog.create({ data: { pageId: page.id, reviewerId: reviewer.id, action: "reject", fromNumber: range.from, toNumber: range.to, comment } });
    await notifyAuthors(tx, rejected, { pageDbId: page.id, pageId: page.slug, reviewer, comment }, "rejected", range);

    // The page's text goes back to what it was before the rejected revisions.
    const before = await tx.revision.findUnique({ where: { pageId_number: { pageId: page.id, number: revision.number - 1 } }, select: { content: true, reviewState: true } });
    const which = range.from === range.to ? `revision ${range.from}` : `revisions ${range.from}–${range.to}`;
    const revert = before
      ? await writePageRevision(tx, {
          pageId: page.slug,
          doc: JSON.parse(before.content) as DocumentJSON,
          authorId: reviewer.id,
          summary: `Rejected ${which}: ${comment}`,
          action: "revert",
          selfApproved: before.reviewState === "approved",
        })
      : ({ status: "unchanged", revisionId: revision.id, number: revision.number } as const);
    return { ...range, revert };
  });
}

export interface ReviewPolicyInput {
  /** A page id, a namespace (`science`), or neither for the whole site. */
  pageId?: string;
  namespace?: string;
  /** "inherit" clears a page's or namespace's own policy. */
  policy: ReviewPolicy | "inherit";
}

/**
 * Sets whether edits need review: for the site or a namespace (administrators), or for one page
 * (reviewers and administrators).
 */
export async function setReviewPolicy(db: Db, actor: Account | null, input: ReviewPolicyInput): Promise<void> {
  if (input.pageId !== undefined) {
    if (!can(actor, "protect")) throw new AppError("FORBIDDEN", "Only reviewers and administrators set a page's review policy.");
    const { count } = await db.page.updateMany({ where: { slug: input.pageId, deletedAt: null }, data: { reviewPolicy: input.policy === "inherit" ? null : input.policy } });
    if (!count) throw new AppError("NOT_FOUND", `There is no page "${input.pageId}".`);
    return;
  }
  if (!can(actor, "manageAccounts")) throw new AppError("FORBIDDEN", "Only administrators set the review policy of the site or a namespace.");
  const key = input.namespace ? namespacePolicyKey(input.namespace) : SETTINGS.reviewPolicy.key;
  if (input.policy === "inherit") {
    if (!input.namespace) throw new AppError("INVALID_INPUT", "The site's policy is either required or none.");
    await db.setting.deleteMany({ where: { key } });
    return;
  }
  await db.setting.upsert({ where: { key }, create: { key, value: input.policy }, update: { value: input.policy } });
}

/** The namespaces with a review policy of their own. */
export async function listNamespacePolicies(db: DbOrTx): Promise<{ namespace: string; policy: ReviewPolicy }[]> {
  const prefix = namespacePolicyKey("");
  const rows = await db.setting.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" } });
  return rows.map((r) => ({ namespace: r.key.slice(prefix.length), policy: r.value === "required" ? "required" : "none" }));
}
