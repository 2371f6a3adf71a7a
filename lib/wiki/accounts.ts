import type { Db, DbOrTx } from "../db";
import { transaction } from "../db/transaction";
import { accountNameKey, fieldErrors, type Role, RoleSchema, SignInSchema, type SignInInput, SignUpSchema, type SignUpInput } from "../validation/account";
import { authorize } from "../auth/policy";
import { hashPassword, needsRehash, verifyPassword } from "../auth/password";
import type { Account } from "../auth/account";
import { changeTransaction } from "../cache/invalidation";
import { AppError } from "./errors";
import { getSiteSetting } from "./settings";

export type { Account };

const ACCOUNT_SELECT = { id: true, email: true, name: true, role: true, blockedAt: true } as const;
type AccountRow = { id: string; email: string | null; name: string | null; role: string; blockedAt: Date | null };

function toAccount(row: AccountRow): Account {
  return { id: row.id, email: row.email ?? "", name: row.name ?? "", role: RoleSchema.catch("reader").parse(row.role), blocked: !!row.blockedAt };
}

/** Failed sign-ins allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5;
/** The longest wait between attempts once they are slowed. */
export const MAX_WAIT_SECONDS = 15 * 60;

const EMAIL_TAKEN = "An account with this email already exists.";

/**
 * Makes an account. The first account of a new install is its admin; later ones get the sign-up
 * role setting (editor unless an admin chose reader), or the role given (the command line).
 */
export async function createAccount(db: Db, input: SignUpInput, options: { role?: Role } = {}): Promise<Account> {
  return (await makeAccount(db, input, { role: options.role, sayTakenEmail: true }))!;
}

/**
 * Sign-up from the site, which never says whether an email address is registered: a taken address
 * gets the answer a new one gets, after the same work (the password is hashed either way), and
 * nothing is made. Its owner signs in as usual, where only the account's own password works, so
 * trying addresses through sign-up costs what trying them through sign-in costs: a throttled
 * sign-in each. Names are public (they sign every edit), so a taken name is said.
 */
export async function signUp(db: Db, input: SignUpInput): Promise<void> {
  await makeAccount(db, input, { sayTakenEmail: false });
}

/** Makes an account; when the email address has one already, refuses or (not saying so) returns null. */
async function makeAccount(db: Db, input: SignUpInput, { role, sayTakenEmail }: { role?: Role; sayTakenEmail: boolean }): Promise<Account | null> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: fieldErrors(parsed.error) });
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return transaction(db, async (tx) => {
    const nameKey = accountNameKey(name);
    const emailTaken = !!(await tx.user.findUnique({ where: { email }, select: { id: true } }));
    if (emailTaken && sayTakenEmail) throw new AppError("CONFLICT", EMAIL_TAKEN, { fieldErrors: { email: EMAIL_TAKEN } });
    // Whether a name is said to be taken never depends on the email address.
    if (await tx.user.findUnique({ where: { nameKey }, select: { id: true } })) {
      throw new AppError("CONFLICT", "This name is taken.", { fieldErrors: { name: "This name is taken." } });
    }
    if (emailTaken) return null;
    const people = await tx.user.count({ where: { role: { not: "system" } } });
    const row = await tx.user.create({
      data: { email, name, nameKey, passwordHash, role: role ?? (people === 0 ? "admin" : await signUpRole(tx)) },
      select: ACCOUNT_SELECT,
    });
    return toAccount(row);
  });
}

async function signUpRole(db: DbOrTx): Promise<Role> {
  return getSiteSetting(db, "signUpRole");
}

/**
 * Checks an email and password. Failures are counted per account and per client address; past
 * {@link FREE_ATTEMPTS}, each attempt must wait twice as long as the one before. A device that
 * signed in to the account before (`knownDevice`, its id from lib/auth/device.ts) counts only its own
 * failures, so nobody else's guesses delay it.
 */
export async function verifyCredentials(db: Db, input: SignInInput, clientAddress: string | null, knownDevice: string | null = null): Promise<Account> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", Object.values(fieldErrors(parsed.error))[0]);
  const { email, password } = parsed.data;
  const keys = knownDevice ? [`device:${knownDevice}`] : [`email:${email}`, ...(clientAddress ? [`ip:${clientAddress}`] : [])];

  // Every attempt is counted before the password is checked, so a burst of parallel attempts gets
  // no more guesses than the same attempts one after another.
  for (const key of keys) await claimAttempt(db, key);

  const user = await db.user.findUnique({ where: { email }, select: { ...ACCOUNT_SELECT, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user?.passwordHash || !valid) throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  if (user.blockedAt) throw new AppError("FORBIDDEN", "This account is blocked. Ask an administrator to unblock it.");
  if (needsRehash(user.passwordHash)) await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  // A success clears the account's (or device's) count, and takes its own attempt off the address's.
  await db.signInThrottle.deleteMany({ where: { key: knownDevice ? `device:${knownDevice}` : `email:${email}` } });
  if (clientAddress && !knownDevice) await db.signInThrottle.updateMany({ where: { key: `ip:${clientAddress}`, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  return toAccount(user);
}

/** Seconds to wait after `failures` failed attempts. */
export function waitSeconds(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

/**
 * Counts one attempt under a throttle key, or refuses it while the key must wait. The count is
 * compared and set in one statement, so of two attempts that read the same count only one is let
 * through; the other reads again.
 */
async function claimAttempt(db: Db, key: string): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    const throttle = await db.signInThrottle.findUnique({ where: { key } });
    const now = new Date();
    if (throttle) {
      const wait = waitSeconds(throttle.failures) * 1000 - (now.getTime() - throttle.lastFailure.getTime());
      if (wait > 0) throw rateLimited(Math.ceil(wait / 1000));
      const claimed = await db.signInThrottle.updateMany({ where: { key, failures: throttle.failures }, data: { failures: { increment: 1 }, lastFailure: now } });
      if (claimed.count === 1) return;
    } else {
      // Two first attempts race to create the row: the unique key lets one win, the other reads again.
      const created = await db.signInThrottle.create({ data: { key, failures: 1, lastFailure: now } }).then(
        () => true,
        () => false,
      );
      if (created) return;
    }
  }
  throw rateLimited(1);
}

function rateLimited(seconds: number): AppError {
  return new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, { retryAfter: seconds });
}

/** The version an account's sessions are signed in under now (see `endSessions`). */
export async function sessionVersion(db: DbOrTx, id: string): Promise<number> {
  return (await db.user.findUnique({ where: { id }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
}

/** Ends every session of an account (signing out, on any device, signs out everywhere). */
export async function endSessions(db: Db, id: string): Promise<void> {
  await changeTransaction(db, async (tx, stale) => {
    await tx.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    stale.account(id);
  });
}

/**
 * A person's account, fresh from the database (roles and blocks apply at once). Given the session
 * version a session was signed in under, null once that account's sessions were ended.
 */
export async function getAccount(db: DbOrTx, id: string, sessionVersion?: number): Promise<Account | null> {
  const row = await db.user.findUnique({ where: { id }, select: { ...ACCOUNT_SELECT, sessionVersion: true } });
  if (!row || row.role === "system") return null;
  return sessionVersion === undefined || row.sessionVersion === sessionVersion ? toAccount(row) : null;
}

/** Every person's account, by name, for the admin page. */
export async function listAccounts(db: DbOrTx): Promise<(Account & { createdAt: Date })[]> {
  const rows = await db.user.findMany({ where: { role: { not: "system" } }, orderBy: { name: "asc" }, select: { ...ACCOUNT_SELECT, createdAt: true } });
  return rows.map((row) => ({ ...toAccount(row), createdAt: row.createdAt }));
}

/** Changes a role or blocks/unblocks an account. An admin cannot demote or block themself. */
export async function updateAccount(db: Db, account: Account | null, input: { id: string; role?: Role; blocked?: boolean }): Promise<Account> {
  const actor = authorize(account, "manageAccounts");
  if (input.id === actor.id && ((input.role && input.role !== "admin") || input.blocked)) {
    throw new AppError("FORBIDDEN", "You cannot demote or block your own account.");
  }
  const role = input.role === undefined ? undefined : RoleSchema.parse(input.role);
  const target = await getAccount(db, input.id);
  if (!target) throw new AppError("NOT_FOUND", "There is no such account.");
  const row = await changeTransaction(db, async (tx, stale) => {
    stale.account(input.id);
    return tx.user.update({
      where: { id: input.id },
      data: { ...(role ? { role } : {}), ...(input.blocked === undefined ? {} : { blockedAt: input.blocked ? new Date() : null }) },
      select: ACCOUNT_SELECT,
    });
  });
  return toAccount(row);
}
