import { hash, verify } from "@node-rs/argon2";
import type { Db, DbOrTx } from "../db";
import { transaction } from "../db/transaction";
import { fieldErrors, type Role, RoleSchema, SignInSchema, type SignInInput, SignUpSchema, type SignUpInput } from "../validation/account";
import { AppError } from "./errors";
import { getSiteSetting } from "./settings";

/** What the rest of the app knows of a signed-in person. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  blocked: boolean;
}

const ACCOUNT_SELECT = { id: true, email: true, name: true, role: true, blockedAt: true } as const;
type AccountRow = { id: string; email: string | null; name: string | null; role: string; blockedAt: Date | null };

function toAccount(row: AccountRow): Account {
  return { id: row.id, email: row.email ?? "", name: row.name ?? "", role: RoleSchema.catch("reader").parse(row.role), blocked: !!row.blockedAt };
}

/** Failed sign-ins allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5;
/** The longest wait between attempts once they are slowed. */
export const MAX_WAIT_SECONDS = 15 * 60;

/**
 * The form of a name compared for uniqueness: names that differ only in case, spacing or Unicode
 * compatibility forms (full-width letters, ligatures) are one name.
 */
export function accountNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Makes an account. The first account of a new install is its admin; later ones get the sign-up
 * role setting (editor unless an admin chose reader), or the role given (the command line).
 */
export async function createAccount(db: Db, input: SignUpInput, options: { role?: Role } = {}): Promise<Account> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: fieldErrors(parsed.error) });
  const { email, name, password } = parsed.data;
  const passwordHash = await hash(password);
  return transaction(db, async (tx) => {
    const nameKey = accountNameKey(name);
    const taken = await tx.user.findFirst({ where: { OR: [{ email }, { nameKey }, { name }] }, select: { email: true } });
    if (taken) {
      throw new AppError("CONFLICT", taken.email === email ? "An account with this email already exists." : "This name is taken.", {
        fieldErrors: taken.email === email ? { email: "An account with this email already exists." } : { name: "This name is taken." },
      });
    }
    const people = await tx.user.count({ where: { role: { not: "system" } } });
    const role = options.role ?? (people === 0 ? "admin" : await signUpRole(tx));
    const row = await tx.user.create({ data: { email, name, nameKey, passwordHash, role }, select: ACCOUNT_SELECT });
    return toAccount(row);
  });
}

async function signUpRole(db: DbOrTx): Promise<Role> {
  return getSiteSetting(db, "signUpRole");
}

/**
 * Checks an email and password. Failures are counted per account and per client address; past
 * {@link FREE_ATTEMPTS}, each attempt must wait twice as long as the one before.
 */
export async function verifyCredentials(db: Db, input: SignInInput, clientAddress: string | null): Promise<Account> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", Object.values(fieldErrors(parsed.error))[0]);
  const { email, password } = parsed.data;
  const keys = [`email:${email}`, ...(clientAddress ? [`ip:${clientAddress}`] : [])];

  const throttles = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const now = Date.now();
  for (const throttle of throttles) {
    const wait = waitSeconds(throttle.failures) * 1000 - (now - throttle.lastFailure.getTime());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, { retryAfter: seconds });
    }
  }

  const user = await db.user.findUnique({ where: { email }, select: { ...ACCOUNT_SELECT, passwordHash: true } });
  const valid = user?.passwordHash ? await verify(user.passwordHash, password) : false;
  if (!user || !valid) {
    await recordFailure(db, keys);
    throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  }
  if (user.blockedAt) throw new AppError("FORBIDDEN", "This account is blocked. Ask an administrator to unblock it.");
  await db.signInThrottle.deleteMany({ where: { key: `email:${email}` } });
  return toAccount(user);
}

/** Seconds to wait after `failures` failed attempts. */
export function waitSeconds(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

async function recordFailure(db: Db, keys: string[]) {
  const lastFailure = new Date();
  await db.$transaction(
    keys.map((key) =>
      db.signInThrottle.upsert({ where: { key }, create: { key, failures: 1, lastFailure }, update: { failures: { increment: 1 }, lastFailure } }),
    ),
  );
}

/** The account behind a session, fresh from the database (roles and blocks apply at once). */
export async function getAccount(db: DbOrTx, id: string): Promise<Account | null> {
  const row = await db.user.findUnique({ where: { id }, select: ACCOUNT_SELECT });
  return row && row.role !== "system" ? toAccount(row) : null;
}

/** Every person's account, by name, for the admin page. */
export async function listAccounts(db: DbOrTx): Promise<(Account & { createdAt: Date })[]> {
  const rows = await db.user.findMany({ where: { role: { not: "system" } }, orderBy: { name: "asc" }, select: { ...ACCOUNT_SELECT, createdAt: true } });
  return rows.map((row) => ({ ...toAccount(row), createdAt: row.createdAt }));
}

/** Changes a role or blocks/unblocks an account. An admin cannot demote or block themself. */
export async function updateAccount(db: Db, actor: Account, input: { id: string; role?: Role; blocked?: boolean }): Promise<Account> {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators manage accounts.");
  if (input.id === actor.id && ((input.role && input.role !== "admin") || input.blocked)) {
    throw new AppError("FORBIDDEN", "You cannot demote or block your own account.");
  }
  const role = input.role === undefined ? undefined : RoleSchema.parse(input.role);
  const target = await getAccount(db, input.id);
  if (!target) throw new AppError("NOT_FOUND", "There is no such account.");
  const row = await db.user.update({
    where: { id: input.id },
    data: { ...(role ? { role } : {}), ...(input.blocked === undefined ? {} : { blockedAt: input.blocked ? new Date() : null }) },
    select: ACCOUNT_SELECT,
  });
  return toAccount(row);
}
