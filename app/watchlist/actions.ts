"use server";

import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { setWatchEdits } from "@/lib/wiki/watch";

/** Saves whether pages one edits join one's watchlist (a checkbox: present when ticked). */
export async function watchEditsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    await setWatchEdits(db, await currentAccount(), form.get("watchEdits") === "on");
  });
}
