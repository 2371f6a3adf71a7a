import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Account } from "../wiki/accounts";
import { authOptions } from "./options";
import { tokenAccount } from "./token-account";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    account?: Account | null;
    /** How many of the account's notifications are unread, for the header. */
    unreadNotifications?: number;
  }
}

// next-auth's session cookie, on https and on http.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The signed-in account for this request, or null; blocked accounts count as signed out. The
 * session cookie is read directly (half the work of next-auth's full session, which also makes a
 * CSRF token and a new cookie that a page throws away); a cookie split in parts goes the long way.
 */
export async function currentAccount(): Promise<Account | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) {
    if (!jar.getAll().some((cookie) => cookie.name.includes("next-auth.session-token."))) return null;
    return (await getServerSession(authOptions))?.account ?? null;
  }
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  return payload ? tokenAccount(payload) : null;
}
