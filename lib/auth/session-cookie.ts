/** next-auth's session cookie, on https and on http. */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The session a request's cookies carry: its token, "split" when next-auth split a large one into
 * parts (`….0`, `….1`: only next-auth reads those), or null for none.
 */
export type SessionCookie = { token: string } | "split" | null;

/** The session among a request's cookies (names and values). */
export function sessionCookie(cookies: Iterable<[string, string]>): SessionCookie {
  let split = false;
  for (const [name, value] of cookies) {
    if (value && SESSION_COOKIES.includes(name)) return { token: value };
    split ||= SESSION_COOKIES.some((session) => name.startsWith(`${session}.`));
  }
  return split ? "split" : null;
}

/** The cookies of a `Cookie` header, as names and (decoded) values. */
export function* headerCookies(header: string | undefined): Generator<[string, string]> {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const value = part.slice(at + 1).trim();
    yield [part.slice(0, at).trim(), safeDecode(value)];
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
