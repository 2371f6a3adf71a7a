"use server";

import { redirect } from "next/navigation";
import { type ActionResult, formFields, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mediaHref } from "@/lib/media/serving";
import { revertMedia } from "@/lib/wiki/media";

/** Shows an earlier version of a file again, as a new version. */
export async function revertMediaAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await toActionResult(async () => revertMedia(db, await currentAccount(), formFields(form)));
  if (!result.ok) return result;
  redirect(mediaHref(result.data.name));
}
