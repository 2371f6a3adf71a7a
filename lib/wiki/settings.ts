import { can } from "../auth/policy";
import type { Db, DbOrTx } from "../db";
import { transaction } from "../db/transaction";
import { type SiteSettings, SiteSettingsSchema } from "../validation/settings";
import type { Account } from "./accounts";
import { AppError } from "./errors";

/** The site settings and their defaults. */
export const SETTINGS = {
  /** The role of accounts made by signing up: "editor" or "reader". */
  signUpRole: { key: "signUpRole", default: "editor" },
  /** Whether edits need review across the site: "required" or "none" (namespaces and pages may differ). */
  reviewPolicy: { key: "reviewPolicy", default: "none" },
} as const;

type Setting = (typeof SETTINGS)[keyof typeof SETTINGS];

export async function getSetting(db: DbOrTx, setting: Setting): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: setting.key } });
  return row?.value ?? setting.default;
}

export async function setSetting(db: DbOrTx, setting: Setting, value: string): Promise<void> {
  await db.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value }, update: { value } });
}

/** Every site setting, with defaults for those never set. */
export async function getSiteSettings(db: DbOrTx): Promise<SiteSettings> {
  const [signUpRole, reviewPolicy] = await Promise.all([getSetting(db, SETTINGS.signUpRole), getSetting(db, SETTINGS.reviewPolicy)]);
  return SiteSettingsSchema.parse({ signUpRole, reviewPolicy });
}

/** Changes site settings; administrators only. */
export async function updateSiteSettings(db: Db, actor: Account | null, input: unknown): Promise<SiteSettings> {
  if (!can(actor, "manageAccounts")) throw new AppError("FORBIDDEN", "Only administrators change site settings.");
  const parsed = SiteSettingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0].message);
  await transaction(db, async (tx) => {
    await setSetting(tx, SETTINGS.signUpRole, parsed.data.signUpRole);
    await setSetting(tx, SETTINGS.reviewPolicy, parsed.data.reviewPolicy);
  });
  return parsed.data;
}
