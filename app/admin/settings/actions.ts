"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, formFields, parseForm, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { normalizePageId } from "@/lib/content/page-id";
import { ReviewPolicySchema } from "@/lib/validation/settings";
import { setReviewPolicy } from "@/lib/wiki/review";
import { updateSiteSettings } from "@/lib/wiki/settings";

/** Saves the site settings form. */
export async function saveSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await toActionResult(async () => {
    await updateSiteSettings(db, await currentAccount(), formFields(form));
  });
  revalidatePath("/admin/settings");
  return result;
}

/** Sets or clears a namespace's own review policy. */
export async function namespacePolicyAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(ReviewPolicySchema, form);
  if (!input.ok) return input;
  if (!input.data.namespace) return { ok: false, code: "INVALID_INPUT", message: "Name the namespace." };
  const result = await toActionResult(async () => setReviewPolicy(db, await currentAccount(), { namespace: normalizePageId(input.data.namespace!), policy: input.data.policy }));
  revalidatePath("/admin/settings");
  return result;
}
