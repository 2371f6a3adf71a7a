import type { Account } from "../wiki/accounts";
import { db } from "../db";
import { accountForToken } from "../wiki/api-tokens";
import { AppError } from "../wiki/errors";
import { currentAccount } from "./session";

/**
 * Who is calling the HTTP API: the bearer token's account when the request carries one (a bad
 * token is refused, never ignored), otherwise the browser session's, otherwise nobody.
 */
export async function requestAccount(request: Request): Promise<Account | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const account = match ? await accountForToken(db, match[1]) : null;
    if (!account) throw new AppError("UNAUTHENTICATED", "The API token is not valid, or has been revoked.");
    return account;
  }
  return currentAccount();
}
