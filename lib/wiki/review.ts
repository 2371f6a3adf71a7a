import { authorize } from "../auth/policy";
import { storedDocument } from "../content/document";
import type { Db, DbOrTx, Tx } from "../db";
import { changeTransaction } from "../cache/invalidation";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { type RevisionSummary, SUMMARY_SELECT, toSummary } from "./history";
import { markApproved, markRejected, namespacePolicyKey, type ReviewPolicy, revisionRange } from "./review-policy";
import { findPageOrThrow } from "./page-lookup";
import { SETTINGS } from "./settings";
import { type SaveRevisionResult, writePageRevision } from "./revisions";

async function pendingRevisionOrThrow(tx: Tx, account: Account | null, pageId: string, number: number) {
  const reviewer = authorize(account, "review");
  const page = await findPageOrThrow(tx, pageId, { id: true });
  const revision = await tx.revision.findUnique({ where: { pageId_number: { pageId: page.id, number } }, select: { id: true, number: true, authorId: true, reviewState: true } });
  if (!revision) throw new AppError("NOT_FOUND", `This page has no revision ${number}.`);
  if (revision.reviewState !== "pending") throw new AppError("CONFLICT", `Revision ${number} is not waiting for review (it is ${revision.reviewState}).`);
  return { page, revision, reviewer };
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
  return changeTransaction(db, async (tx, stale) => {
    const { page, revision, reviewer } = await pendingRevisionOrThrow(tx, account, input.pageId, input.number);
    // A page's first approved revision brings it into being for readers.
    stale.page(page.slug, { existenceChanged: true });
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
  return changeTransaction(db, async (tx, stale) => {
    const { page, revision, reviewer } = await pendingRevisionOrThrow(tx, account, input.pageId, input.number);
    stale.page(page.slug, { existenceChanged: true });
    const rejected = await tx.revision.findMany({
      where: { pageId: page.id, reviewState: "pending", number: { gte: revision.number } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, authorId: true },
    });
    const range = await markRejected(tx, { pageDbId: page.id, pageId: page.slug, reviewer, comment, revisions: rejected });

    // The page's text goes back to what it was before the rejected revisions.
    const before = await tx.revision.findUnique({ where: { pageId_number: { pageId: page.id, number: revision.number - 1 } }, select: { content: true, reviewState: true } });
    const revert = before
      ? await writePageRevision(tx, {
          pageId: page.slug,
          doc: storedDocument(before.content),
          authorId: reviewer.id,
          summary: `Rejected ${revisionRange(range)}: ${comment}`,
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
    authorize(actor, "protect");
    const pageId = input.pageId;
    await changeTransaction(db, async (tx, stale) => {
      const { count } = await tx.page.updateMany({ where: { slug: pageId, deletedAt: null }, data: { reviewPolicy: input.policy === "inherit" ? null : input.policy } });
      if (!count) throw new AppError("NOT_FOUND", `There is no page "${pageId}".`);
      stale.page(pageId);
    });
    return;
  }
  authorize(actor, "manageSettings");
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

export interface QueueEntry {
  pageId: string;
  title: string;
  /** The revision readers see, or null for a page no revision of which is approved yet. */
  publishedNumber: number | null;
  /** Its revisions waiting for review, oldest first. */
  pending: RevisionSummary[];
}

/** How many pending revisions one look at the queue reads (the oldest first). */
const QUEUE_SCAN = 500;

/**
 * Pages with revisions waiting for review, the page waiting longest first, filtered by namespace
 * (and those below it) or by the author of a pending revision.
 */
export async function getReviewQueue(db: DbOrTx, filter: { namespace?: string; author?: string; watchedBy?: string } = {}): Promise<QueueEntry[]> {
  const namespace = filter.namespace?.trim();
  const author = filter.author ? await db.user.findUnique({ where: { name: filter.author }, select: { id: true } }) : null;
  if (filter.author && !author) return [];
  const rows = await db.revision.findMany({
    where: {
      reviewState: "pending",
      page: {
        deletedAt: null,
        ...(namespace ? { OR: [{ namespace }, { namespace: { startsWith: `${namespace}:` } }] } : {}),
        ...(author ? { revisions: { some: { reviewState: "pending", authorId: author.id } } } : {}),
        ...(filter.watchedBy ? { watches: { some: { userId: filter.watchedBy } } } : {}),
      },
    },
    orderBy: { id: "asc" },
    take: QUEUE_SCAN,
    select: { ...SUMMARY_SELECT, page: { select: { slug: true, title: true, publishedRevision: { select: { number: true } } } } },
  });
  const entries = new Map<string, QueueEntry>();
  for (const { page, ...row } of rows) {
    const entry = entries.get(page.slug) ?? { pageId: page.slug, title: page.title, publishedNumber: page.publishedRevision?.number ?? null, pending: [] };
    entry.pending.push(toSummary(row));
    entries.set(page.slug, entry);
  }
  return [...entries.values()];
}

export interface ReviewLogEntry {
  id: number;
  pageId: string;
  title: string;
  action: "approve" | "reject";
  fromNumber: number;
  toNumber: number;
  comment: string;
  reviewer: string;
  createdAt: Date;
}

/** Approvals and rejections, newest first: of one page, or of the whole site. */
export async function getReviewLog(
  db: DbOrTx,
  { pageId, before, limit = 50 }: { pageId?: string; before?: number; limit?: number } = {},
): Promise<{ entries: ReviewLogEntry[]; older: number | null }> {
  const rows = await db.reviewLog.findMany({
    where: { ...(pageId ? { page: { slug: pageId } } : {}), ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      action: true,
      fromNumber: true,
      toNumber: true,
      comment: true,
      createdAt: true,
      reviewer: { select: { name: true } },
      page: { select: { slug: true, title: true } },
    },
  });
  const entries = rows.slice(0, limit).map(({ page, reviewer, action, ...row }) => ({
    ...row,
    action: action === "reject" ? ("reject" as const) : ("approve" as const),
    pageId: page.slug,
    title: page.title,
    reviewer: reviewer.name ?? "unknown",
  }));
  return { entries, older: rows.length > limit ? entries.at(-1)!.id : null };
}
