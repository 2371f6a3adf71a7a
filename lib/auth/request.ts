import type { Account } from "../wiki/accounts";
import { db } from "../db";
import { crossSiteWrite } from "../http/origin";
import { accountForToken } from "../wiki/api-tokens";
import { AppError } from "../wiki/errors";
import { currentAccount } from "./session";

/**
 * Who is calling the HTTP API: the bearer token's account when the request carries one (a bad
 * token is refused, never ignored), otherwise the browser session's, otherwise nobody. A write
 * authenticated by the session must come from this site's own pages.
 */
export async function requestAccount(request: Request): Promise<Account | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const account = match ? await accountForToken(db, match[1]) : null;
    if (!account) throw new AppError("UNAUTHENTICATED", "The API token is not valid, or has been revoked.");
    return account;
  }
  // A browser's cookie is sent along whatever site made the request: writes must come from ours.
  const refusal = crossSiteWrite(request.method, request.headers);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  return currentAccount();
}
