import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = path.resolve("data", "auth-secret");

/**
 * The key that signs sessions: NEXTAUTH_SECRET when set, otherwise one made on first use and kept
 * under data/, so sessions survive a restart with no configuration.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  try {
    return readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // "wx" fails if another process wrote it first; then theirs is the one to use.
    try {
      writeFileSync(SECRET_FILE, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, "utf8").trim();
    }
  }
}
