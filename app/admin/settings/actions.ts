"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { updateSiteSettings } from "@/lib/wiki/settings";

/** Saves the site settings form. */
export async function saveSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await toActionResult(async () => {
    await updateSiteSettings(db, await currentAccount(), Object.fromEntries([...form].filter(([key]) => !key.startsWith("$"))));
  });
  revalidatePath("/admin/settings");
  return result.ok ? { ok: true, data: undefined } : result;
}
