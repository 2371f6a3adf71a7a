"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { markNotificationsRead } from "@/lib/wiki/notifications";

export async function markReadAction(): Promise<ActionResult> {
  const account = await currentAccount();
  if (!account) return { ok: false, code: "UNAUTHENTICATED", message: "Sign in first." };
  await markNotificationsRead(db, account.id);
  revalidatePath("/notifications");
  return { ok: true, data: undefined };
}
