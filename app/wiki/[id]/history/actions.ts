"use server";

import { redirect } from "next/navigation";
import { type ActionResult, parseForm, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { PageEventSchema, RenameSchema } from "@/lib/validation/history";
import { ReviewPolicySchema } from "@/lib/validation/settings";
import { deletePage, renamePage, restorePage, setProtection } from "@/lib/wiki/lifecycle";
import { setReviewPolicy } from "@/lib/wiki/review";

/** Renames a page, leaving a redirect; on to the page's history under its new id. */
export async function renameAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(RenameSchema, form);
  if (!input.ok) return input;
  const result = await toActionResult(async () => renamePage(db, await currentAccount(), input.data));
  if (!result.ok) return result;
  redirect(`${pageHref(result.data.newPageId)}/history`);
}

/** Protects, unprotects, deletes or restores a page. */
export async function pageEventAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(PageEventSchema, form);
  if (!input.ok) return input;
  const { pageId, event, reason } = input.data;
  const result = await toActionResult(async () => {
    const account = await currentAccount();
    if (event === "delete") await deletePage(db, account, { pageId, reason });
    else if (event === "restore") await restorePage(db, account, { pageId, reason });
    else await setProtection(db, account, { pageId, protect: event === "protect", reason });
  });
  if (!result.ok) return result;
  redirect(`${pageHref(pageId)}/history`);
}

/** Sets the page's own review policy (reviewers and administrators). */
export async function pagePolicyAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(ReviewPolicySchema, form);
  if (!input.ok) return input;
  const { pageId, policy } = input.data;
  if (!pageId) return { ok: false, code: "INVALID_INPUT", message: "Which page?" };
  const result = await toActionResult(async () => setReviewPolicy(db, await currentAccount(), { pageId, policy }));
  if (!result.ok) return result;
  redirect(`${pageHref(pageId)}/history`);
}
