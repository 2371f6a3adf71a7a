import { authorize } from "../auth/policy";
import { createHash, randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "../db";
import { TOKEN_LIFETIMES } from "../validation/api-token";
import { type Account, getAccount } from "./accounts";
import { AppError } from "./errors";

const PREFIX = "pal_";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues an API token for an account. Only its SHA-256 is stored: the token itself is returned
 * this once, to be shown to the admin and never again.
 */
export async function issueApiToken(
  db: Db,
  actor: Account | null,
  input: { userId: string; name: string; expiresInDays?: number | null },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  authorize(actor, "manageAccounts");
  const name = input.name.trim().slice(0, 100) || "API token";
  const days = input.expiresInDays ?? null;
  if (days !== null && !TOKEN_LIFETIMES.includes(days)) throw new AppError("INVALID_INPUT", `A token lasts ${TOKEN_LIFETIMES.join(", ")} days, or until revoked.`);
  const expiresAt = days === null ? null : new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  if (!(await getAccount(db, input.userId))) throw new AppError("NOT_FOUND", "There is no such account.");
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({ data: { userId: input.userId, name, tokenHash: digest(token), expiresAt }, select: { id: true } });
  return { id: row.id, token, expiresAt };
}

/** Revokes a token; it stops working at once. */
export async function revokeApiToken(db: Db, actor: Account | null, id: string): Promise<void> {
  authorize(actor, "manageAccounts");
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw new AppError("NOT_FOUND", "There is no such active token.");
}

const LAST_USED_PRECISION_MS = 60_000;

/** The account a bearer token speaks for, or null when it is unknown, revoked, expired or its account blocked. */
export async function accountForToken(db: DbOrTx, token: string): Promise<Account | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: digest(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, expiresAt: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  const account = await getAccount(db, row.userId);
  if (!account || account.blocked) return null;
  // "Last used" to the minute is all the admin page shows; writing it on every request would cost a write per call.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return account;
}

/** Tokens of every account, newest first, for the admin page (never the tokens themselves), each saying whether it has expired. */
export async function listApiTokens(db: DbOrTx) {
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, user: { select: { name: true } } },
  });
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: !!row.expiresAt && row.expiresAt.getTime() <= now }));
}
