"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { RoleSchema } from "@/lib/validation/account";
import { updateAccount } from "@/lib/wiki/accounts";
import { AppError } from "@/lib/wiki/errors";

const UpdateSchema = z.object({
  id: z.string().min(1).max(64),
  role: RoleSchema.optional(),
  blocked: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

/** Changes an account's role or blocks it; a form posts here (and works without JavaScript). */
export async function updateAccountAction(form: FormData): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => {
    const actor = await currentAccount();
    const input = UpdateSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => v !== "")));
    if (!input.success) throw new AppError("INVALID_INPUT", "That is not a valid change to an account.");
    await updateAccount(db, actor, input.data);
    return null;
  });
  revalidatePath("/admin/users");
  return result;
}
