import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Account } from "../wiki/accounts";
import { authOptions } from "./options";
import { tokenAccount } from "./token-account";
import { authSecret } from "./secret";
import { sessionCookie } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    account?: Account | null;
    /** How many of the account's notifications are unread, for the header. */
    unreadNotifications?: number;
  }
}

/**
 * The signed-in account for this request, or null; blocked accounts count as signed out. The
 * session cookie is read directly (half the work of next-auth's full session, which also makes a
 * CSRF token and a new cookie that a page throws away); a cookie split in parts goes the long way.
 */
export async function currentAccount(): Promise<Account | null> {
  const session = sessionCookie((await cookies()).getAll().map((cookie): [string, string] => [cookie.name, cookie.value]));
  if (!session) return null;
  if (session === "split") return (await getServerSession(authOptions))?.account ?? null;
  const payload = await decode({ token: session.token, secret: authSecret() }).catch(() => null);
  return payload ? tokenAccount(payload) : null;
}
