"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { issueApiToken, revokeApiToken } from "@/lib/wiki/api-tokens";

/** Issues a token and returns it this once. */
export async function issueTokenAction(userId: string, name: string, expiresInDays: number | null): Promise<ActionResult<{ token: string }>> {
  const days = expiresInDays === null ? null : Number(expiresInDays);
  const result = await toActionResult(async () => ({
    token: (await issueApiToken(db, await currentAccount(), { userId: String(userId), name: String(name), expiresInDays: days })).token,
  }));
  revalidatePath("/admin/users");
  return result;
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  await toActionResult(async () => revokeApiToken(db, await currentAccount(), String(form.get("id") ?? "")));
  revalidatePath("/admin/users");
}
