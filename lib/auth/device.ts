import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Known devices: a browser that signed in to an account is given a signed cookie naming that
 * account's email and a random device id. Its later sign-ins to the account are throttled by their
 * own failures only, so a stranger's failed guesses at the account delay the stranger, never the
 * owner on a device they used before (decision 11).
 */
export const DEVICE_COOKIE = "palimpsest-device";
/** How long a device stays known without signing in again. */
export const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function signature(secret: string, email: string, device: string): Buffer {
  return createHmac("sha256", secret).update(`${email}\0${device}`).digest();
}

/** A new device cookie's value for an account's email. */
export function deviceToken(secret: string, email: string): string {
  const device = randomBytes(16).toString("base64url");
  return `${device}.${signature(secret, email, device).toString("base64url")}`;
}

/** The device id of a cookie made for this email, or null (no cookie, another account's, forged). */
export function knownDevice(secret: string, token: string | undefined, email: string): string | null {
  const [device, mac, ...rest] = (token ?? "").split(".");
  if (!device || !mac || rest.length) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = signature(secret, email, device);
  return given.length === expected.length && timingSafeEqual(given, expected) ? device : null;
}
