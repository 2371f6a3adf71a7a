import { can, authorize } from "../auth/policy";
import { normalizePageId } from "../content/page-id";
import type { Db } from "../db";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { type SaveRevisionResult, savePageRevision } from "./revisions";
import { setWatching } from "./watch";

/** A page id as given in an address, or a clear refusal. */
export function pageIdOrThrow(raw: string): string {
  const pageId = normalizePageId(raw);
  if (!pageId || pageId !== raw) throw new AppError("INVALID_INPUT", `"${raw.slice(0, 80)}" is not a page id (try "${pageId}").`);
  return pageId;
}

/** Refuses anyone who may not edit this page (anonymous, readers, blocked, or not enough for a protected page). */
export async function assertCanEdit(db: Db, account: Account | null, pageId: string): Promise<Account> {
  authorize(account, "edit");
  const page = await db.page.findUnique({ where: { slug: pageId }, select: { protected: true } });
  return authorize(account, "edit", page ?? undefined);
}

export interface PageEdit {
  pageId: string;
  doc: unknown;
  summary: string;
  minor: boolean;
  baseRevisionId: number | null;
  title?: string;
  /** Start watching the page with this save. */
  watch?: boolean;
}

/**
 * An edit from the editor or the HTTP API: permission, validation, then the save with its merge
 * and conflict rules. The one path every edit takes.
 */
export async function savePageEdit(db: Db, account: Account | null, edit: PageEdit): Promise<SaveRevisionResult> {
  // Whether the page is protected is checked in the save's own transaction.
  const author = authorize(account, "edit");
  const saved = await savePageRevision(db, {
    editor: author,
    pageId: edit.pageId,
    doc: edit.doc,
    authorId: author.id,
    summary: edit.summary,
    minor: edit.minor,
    baseRevisionId: edit.baseRevisionId,
    title: edit.title,
    selfApproved: can(author, "review"),
  });
  if (edit.watch) await setWatching(db, author, edit.pageId, true);
  return saved;
}
