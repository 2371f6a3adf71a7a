"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { markNotificationsRead } from "@/lib/wiki/notifications";

export async function markReadAction(): Promise<ActionResult> {
  const result = await toActionResult(async () => markNotificationsRead(db, await currentAccount()));
  revalidatePath("/notifications");
  return result;
}
