import { authorize } from "../auth/policy";
import { DEFAULT_CITATION_STYLE } from "../content/citation-styles";
import { DEFAULT_INTERWIKI, formatInterwikiMap } from "../content/interwiki";
import type { Db, DbOrTx } from "../db";
import { changeTransaction } from "../cache/invalidation";
import { fieldErrors } from "../validation/account";
import { type SiteSettings, SiteSettingsSchema } from "../validation/settings";
import type { Account } from "./accounts";
import { AppError } from "./errors";

/** The site settings and their defaults. */
export const SETTINGS = {
  /** The role of accounts made by signing up: "editor" or "reader". */
  signUpRole: { key: "signUpRole", default: "editor" },
  /** Whether edits need review across the site: "required" or "none" (namespaces and pages may differ). */
  reviewPolicy: { key: "reviewPolicy", default: "none" },
  /** Who reads revisions not approved (waiting for review, or rejected): "everyone", "signedIn" or "reviewers". */
  pendingVisibility: { key: "pendingVisibility", default: "signedIn" },
  /** The style References are formatted in, across the site. */
  citationStyle: { key: "citationStyle", default: DEFAULT_CITATION_STYLE },
  /** Where DOIs are looked up. */
  doiResolver: { key: "doiResolver", default: "https://doi.org" },
  /** Where web pages are fetched for look-up; empty fetches them directly. */
  urlResolver: { key: "urlResolver", default: "" },
  /** Interwiki shortcuts used when DokuWiki pages are imported; DokuWiki's own by default. */
  interwiki: { key: "interwiki", default: formatInterwikiMap(DEFAULT_INTERWIKI) },
} as const satisfies Record<keyof SiteSettings, { key: string; default: string }>;

type Setting = (typeof SETTINGS)[keyof typeof SETTINGS];

export async function setSetting(db: DbOrTx, setting: Setting, value: string): Promise<void> {
  await db.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value }, update: { value } });
}

type SettingName = keyof SiteSettings;

/** A stored value of a site setting, or its default when it was never set or is no longer valid. */
function validOrDefault<N extends SettingName>(name: N, stored: string | undefined): SiteSettings[N] {
  const parsed = stored === undefined ? null : SiteSettingsSchema.shape[name].safeParse(stored);
  return (parsed?.success ? parsed.data : SETTINGS[name].default) as SiteSettings[N];
}

/** One site setting (see {@link validOrDefault}). */
export async function getSiteSetting<N extends SettingName>(db: DbOrTx, name: N): Promise<SiteSettings[N]> {
  const row = await db.setting.findUnique({ where: { key: SETTINGS[name].key } });
  return validOrDefault(name, row?.value);
}

/** Every site setting (see {@link validOrDefault}), in one query. */
export async function getSiteSettings(db: DbOrTx): Promise<SiteSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(SETTINGS).map((s) => s.key) } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const names = Object.keys(SETTINGS) as SettingName[];
  return Object.fromEntries(names.map((name) => [name, validOrDefault(name, stored.get(SETTINGS[name].key))])) as SiteSettings;
}

/** Changes the given site settings, leaving the others as they are; administrators only. */
export async function updateSiteSettings(db: Db, actor: Account | null, input: unknown): Promise<SiteSettings> {
  authorize(actor, "manageSettings");
  const parsed = SiteSettingsSchema.partial().safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0].message, { fieldErrors: fieldErrors(parsed.error) });
  return changeTransaction(db, async (tx, stale) => {
    const before = await getSiteSettings(tx);
    const changes = Object.entries(parsed.data).filter(([, value]) => value !== undefined) as [SettingName, string][];
    for (const [name, value] of changes) await setSetting(tx, SETTINGS[name], value);
    // Stored as parsed, they read back as they are.
    const after = { ...before, ...Object.fromEntries(changes) } as SiteSettings;
    // Every page's References follow the style; every kept diff and old revision follows who may read text waiting for review.
    if (after.citationStyle !== before.citationStyle || after.pendingVisibility !== before.pendingVisibility) stale.everything();
    return after;
  });
}
