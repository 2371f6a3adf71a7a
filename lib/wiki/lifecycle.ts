import { type Action, authorize } from "../auth/policy";
import { normalizePageId, pageNamespace } from "../content/page-id";
import type { Db, Tx } from "../db";
import { changeTransaction } from "../cache/invalidation";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { findPageOrThrow } from "./page-lookup";
import { type PageEventAction, writeEventRevision } from "./revisions";

async function pageForEvent(tx: Tx, account: Account | null, pageId: string, action: Action, { deleted = false } = {}) {
  authorize(account, action);
  const page = await findPageOrThrow(tx, pageId, { id: true, title: true, protected: true }, { deleted: deleted && "only" });
  authorize(account, action, page);
  return page;
}

const withReason = (text: string, reason: string | undefined) => (reason?.trim() ? `${text}: ${reason.trim()}` : text);

async function record(tx: Tx, pageDbId: number, account: Account, action: PageEventAction, summary: string) {
  return writeEventRevision(tx, { pageDbId, authorId: account.id, action, summary });
}

export interface RenameInput {
  pageId: string;
  newPageId: string;
  /** The new title; the old one is kept when left out. */
  title?: string;
  reason?: string;
}

/**
 * Renames a page: its history moves with it, and a redirect stays at the old id so links and
 * bookmarks keep working. Redirects that pointed at the old id are pointed at the new one.
 */
export async function renamePage(db: Db, account: Account | null, input: RenameInput): Promise<{ pageId: string; newPageId: string }> {
  const newPageId = normalizePageId(input.newPageId);
  if (!newPageId) throw new AppError("INVALID_INPUT", "Give the page a new id made of letters, digits and : _ . -");
  return changeTransaction(db, async (tx, stale) => {
    const page = await pageForEvent(tx, account, input.pageId, "move");
    if (newPageId === page.slug) throw new AppError("INVALID_INPUT", "The new id is the same as the old one.");
    const taken = await tx.page.findUnique({ where: { slug: newPageId }, select: { id: true, latestRevisionId: true } });
    if (taken?.latestRevisionId) throw new AppError("CONFLICT", `A page called "${newPageId}" already exists.`);
    // A bare redirect (no history of its own) at the new id gives way.
    if (taken) await tx.page.delete({ where: { id: taken.id } });
    const title = input.title?.trim() || page.title;
    await tx.page.update({ where: { id: page.id }, data: { slug: newPageId, namespace: pageNamespace(newPageId), title } });
    await tx.page.create({ data: { slug: page.slug, namespace: pageNamespace(page.slug), title: page.title, redirectTo: newPageId } });
    await tx.page.updateMany({ where: { redirectTo: page.slug, NOT: { slug: page.slug } }, data: { redirectTo: newPageId } });
    await record(tx, page.id, account!, "move", withReason(`Moved from ${page.slug} to ${newPageId}`, input.reason));
    stale.page(page.slug);
    stale.page(newPageId, { existenceChanged: true });
    return { pageId: page.slug, newPageId };
  });
}

/** Hides a page from readers (administrators only); its history is kept and it can be restored. */
export async function deletePage(db: Db, account: Account | null, input: { pageId: string; reason?: string }): Promise<void> {
  await changeTransaction(db, async (tx, stale) => {
    const page = await pageForEvent(tx, account, input.pageId, "delete");
    stale.page(page.slug, { existenceChanged: true });
    await tx.page.update({ where: { id: page.id }, data: { deletedAt: new Date() } });
    await record(tx, page.id, account!, "delete", withReason("Deleted the page", input.reason));
  });
}

/** Brings a deleted page back as it was. */
export async function restorePage(db: Db, account: Account | null, input: { pageId: string; reason?: string }): Promise<void> {
  await changeTransaction(db, async (tx, stale) => {
    const page = await pageForEvent(tx, account, input.pageId, "delete", { deleted: true });
    stale.page(page.slug, { existenceChanged: true });
    await tx.page.update({ where: { id: page.id }, data: { deletedAt: null } });
    await record(tx, page.id, account!, "restore", withReason("Restored the page", input.reason));
  });
}

/** Protects a page so only reviewers and administrators can edit it, or lifts the protection. */
export async function setProtection(db: Db, account: Account | null, input: { pageId: string; protect: boolean; reason?: string }): Promise<void> {
  await changeTransaction(db, async (tx, stale) => {
    const page = await pageForEvent(tx, account, input.pageId, "protect");
    stale.page(page.slug);
    if (page.protected === input.protect) throw new AppError("INVALID_INPUT", input.protect ? "This page is already protected." : "This page is not protected.");
    await tx.page.update({ where: { id: page.id }, data: { protected: input.protect } });
    await record(
      tx,
      page.id,
      account!,
      input.protect ? "protect" : "unprotect",
      withReason(input.protect ? "Protected the page (only reviewers and administrators can edit)" : "Lifted the page's protection", input.reason),
    );
  });
}
