import { getServerSession } from "next-auth";
import type { Account } from "../wiki/accounts";
import { authOptions } from "./options";

declare module "next-auth" {
  interface Session {
    account?: Account | null;
  }
}

/** The signed-in account for this request, or null; blocked accounts count as signed out. */
export async function currentAccount(): Promise<Account | null> {
  const session = await getServerSession(authOptions);
  return session?.account ?? null;
}
