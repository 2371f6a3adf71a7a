"use server";

import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { db } from "@/lib/db";
import type { SignUpInput } from "@/lib/validation/account";
import { signUp as signUpAccount } from "@/lib/wiki/accounts";

export async function signUp(input: SignUpInput): Promise<ActionResult<void>> {
  return toActionResult(() => signUpAccount(db, input));
}
