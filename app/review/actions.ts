"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, parseForm, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ReviewSchema } from "@/lib/validation/history";
import { approveRevision, rejectRevision } from "@/lib/wiki/review";

/** Approves or rejects from the queue; the page's cached views are refreshed, and the queue says what was done. */
export async function reviewAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = parseForm(ReviewSchema, form);
  if (!input.ok) return input;
  const { decision, ...review } = input.data;
  const result = await toActionResult(async () => {
    const account = await currentAccount();
    if (decision === "approve") await approveRevision(db, account, review);
    else await rejectRevision(db, account, review);
  });
  if (!result.ok) return result;
  revalidatePath("/review");
  // The queue says what was decided and offers the next page.
  redirect(`/review?${new URLSearchParams({ reviewed: review.pageId, decision, revision: String(review.number) })}`);
}
