import type { DbOrTx } from "../db";

/** The site settings and their defaults. */
export const SETTINGS = {
  /** The role of accounts made by signing up: "editor" or "reader". */
  signUpRole: { key: "signUpRole", default: "editor" },
} as const;

type Setting = (typeof SETTINGS)[keyof typeof SETTINGS];

export async function getSetting(db: DbOrTx, setting: Setting): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: setting.key } });
  return row?.value ?? setting.default;
}

export async function setSetting(db: DbOrTx, setting: Setting, value: string): Promise<void> {
  await db.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value }, update: { value } });
}
