import type { JWT } from "next-auth/jwt";
import { db } from "../db";
import { getAccount } from "../wiki/accounts";
import type { Account } from "./account";

/**
 * The account a session token speaks for, re-read from the database: null for a blocked or deleted
 * account, or a session ended by signing out (its session version has moved on).
 */
export async function tokenAccount(token: JWT): Promise<Account | null> {
  const account = token.sub ? await getAccount(db, token.sub, typeof token.sv === "number" ? token.sv : 0) : null;
  return account && !account.blocked ? account : null;
}
