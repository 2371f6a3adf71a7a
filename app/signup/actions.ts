"use server";

import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { db } from "@/lib/db";
import type { SignUpInput } from "@/lib/validation/account";
import { createAccount } from "@/lib/wiki/accounts";

export async function signUp(input: SignUpInput): Promise<ActionResult<{ role: string }>> {
  return toActionResult(async () => {
    const account = await createAccount(db, input);
    return { role: account.role };
  });
}
