import type { DbOrTx } from "../db";
import { authorize } from "../auth/policy";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { getRecentChanges, type RecentChangesPage } from "./recent";
import { getReviewQueue, type QueueEntry } from "./review";

/** The database key of a live page, by its id (slug). */
async function livePageKey(db: DbOrTx, pageId: string): Promise<number> {
  const page = await db.page.findUnique({ where: { slug: pageId }, select: { id: true, deletedAt: true, latestRevisionId: true } });
  if (!page || page.deletedAt || !page.latestRevisionId) throw new AppError("NOT_FOUND", `There is no page "${pageId.slice(0, 80)}".`);
  return page.id;
}

/** Starts or stops watching a page; watching twice, or stopping twice, changes nothing. */
export async function setWatching(db: DbOrTx, account: Account | null, pageId: string, watch: boolean): Promise<boolean> {
  const { id: userId } = authorize(account, "watch");
  const id = await livePageKey(db, pageId);
  if (watch) await db.watch.upsert({ where: { userId_pageId: { userId, pageId: id } }, create: { userId, pageId: id }, update: {} });
  else await db.watch.deleteMany({ where: { userId, pageId: id } });
  return watch;
}

export async function isWatching(db: DbOrTx, account: Account | null, pageId: string): Promise<boolean> {
  const { id: userId } = authorize(account, "watch");
  return (await db.watch.count({ where: { userId, page: { slug: pageId } } })) > 0;
}

/** Whether pages this account edits join its watchlist (the editor's box starts ticked), a preference. */
export async function watchesEdits(db: DbOrTx, account: Account | null): Promise<boolean> {
  const { id } = authorize(account, "watch");
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { watchEdits: true } })).watchEdits;
}

export async function setWatchEdits(db: DbOrTx, account: Account | null, watchEdits: boolean): Promise<boolean> {
  const { id } = authorize(account, "watch");
  await db.user.update({ where: { id }, data: { watchEdits } });
  return watchEdits;
}

export interface Watchlist {
  pages: { pageId: string; title: string }[];
  changes: RecentChangesPage;
  pending: QueueEntry[];
}

/** A person's watched pages, their recent changes and their revisions waiting for review. */
export async function getWatchlist(db: DbOrTx, account: Account | null, { before }: { before?: number } = {}): Promise<Watchlist> {
  const { id: userId } = authorize(account, "watch");
  const [watches, changes, pending] = await Promise.all([
    db.watch.findMany({ where: { userId, page: { deletedAt: null } }, select: { page: { select: { slug: true, title: true } } }, orderBy: { page: { title: "asc" } } }),
    getRecentChanges(db, { watchedBy: userId, before }),
    getReviewQueue(db, { watchedBy: userId }),
  ]);
  return { pages: watches.map((w) => ({ pageId: w.page.slug, title: w.page.title })), changes, pending };
}
