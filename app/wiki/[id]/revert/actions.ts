"use server";

import { redirect } from "next/navigation";
import { type ActionResult, parseForm, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { RevertSchema, RollbackSchema } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { revertToRevision, rollbackAuthor, undoRevision } from "@/lib/wiki/revert";
import type { SaveRevisionResult } from "@/lib/wiki/revisions";

/** Back to the history, which says what was saved. */
function afterSave(pageId: string, saved: SaveRevisionResult): never {
  redirect(`${pageHref(pageId)}/history${saved.status === "created" ? `?saved=${saved.number}` : ""}`);
}

/** Reverts to, or undoes, one revision from the confirmation form; back to the history when done. */
export async function revertAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(RevertSchema, form);
  if (!input.ok) return input;
  const { pageId, number, mode, summary } = input.data;
  const result = await toActionResult(async () => {
    const saved = await (mode === "undo" ? undoRevision : revertToRevision)(db, await currentAccount(), { pageId, number, reason: summary });
    if (saved.status === "unchanged") {
      throw new AppError(
        "INVALID_INPUT",
        mode === "undo" ? "Nothing to undo: the page already reads as it did before that revision." : `Nothing to revert: the page already reads as revision ${number} did.`,
      );
    }
    return saved;
  });
  return result.ok ? afterSave(pageId, result.data) : result;
}

/** Rolls back the latest run of one author's edits. */
export async function rollbackAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(RollbackSchema, form);
  if (!input.ok) return input;
  const result = await toActionResult(async () => rollbackAuthor(db, await currentAccount(), input.data));
  return result.ok ? afterSave(input.data.pageId, result.data) : result;
}
