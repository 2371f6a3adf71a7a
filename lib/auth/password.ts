import { hash, parseOptions, verify } from "@node-rs/argon2";

/**
 * How passwords are hashed: Argon2id at the library's defaults (19 MiB, two passes; OWASP's
 * recommendation). Under the test runner (`NODE_ENV=test`) accounts are hashed with the cheapest
 * parameters Argon2 takes, as test settings do in Django and Rails, so a suite that makes hundreds of
 * accounts does not spend its time hashing. Servers never run with `NODE_ENV=test` (`next start`
 * sets production), and a hash weaker than the policy is replaced at its next sign-in.
 */
export const STRONG = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const POLICY = process.env.NODE_ENV === "test" ? { memoryCost: 8, timeCost: 1, parallelism: 1 } : STRONG;

/** A new hash of `password` under the current policy. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, POLICY);
}

let standIn: Promise<string> | null = null;

/**
 * Whether `password` matches `passwordHash`. Without a hash (no such account, or one that cannot sign
 * in with a password) a stand-in hash is checked all the same, so the answer takes as long and does
 * not tell whether the account exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await (standIn ??= hashPassword("no account has this password")), password);
    return false;
  }
  return verify(passwordHash, password);
}

/** Whether a hash was made with weaker parameters than the policy's, and should be made again. */
export function needsRehash(passwordHash: string, policy = POLICY): boolean {
  const made = parseOptions(passwordHash);
  return made.memoryCost < policy.memoryCost || made.timeCost < policy.timeCost;
}
