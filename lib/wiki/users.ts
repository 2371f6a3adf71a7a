import type { DbOrTx } from "../db";
import { accountNameKey } from "../validation/account";

/** The account that authors imports and maintenance edits. */
export const SYSTEM_USER_NAME = "Palimpsest import";

/** The system user's id, creating the account on first use. */
export async function ensureSystemUser(db: DbOrTx): Promise<string> {
  const user = await db.user.upsert({
    where: { name: SYSTEM_USER_NAME },
    create: { name: SYSTEM_USER_NAME, nameKey: accountNameKey(SYSTEM_USER_NAME), role: "system" },
    update: {},
    select: { id: true },
  });
  return user.id;
}
