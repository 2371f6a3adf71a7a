import { decode, type JWT } from "next-auth/jwt";
import type { Role } from "../validation/account";
import type { Account } from "./account";
import { authSecret } from "./secret";
import type { SessionCookie } from "./session-cookie";

/**
 * Whom a page is rendered for: pages that differ by reader (a page's history, diffs, old
 * revisions, search results) differ only by role, never by person, so the front cache keeps one
 * copy per class. Blocked accounts and ended sessions read as anonymous, as `currentAccount` has it.
 */
export type ReaderClass = "anonymous" | Role;

/** Most tokens and accounts remembered; beyond, the oldest are forgotten first. */
const MAX_REMEMBERED = 10_000;

interface Token {
  sub: string;
  sessionVersion: number;
  /** When the token stops being valid, in ms (next-auth refuses it then). */
  expiresAt: number;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V) {
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

/**
 * Works out a request's reader class for the front cache without entering Next.js: the session
 * token is decrypted once per token, and each account read once until it changes. Account changes
 * (role, block, sessions ended) are announced through the invalidation feed, so every server
 * forgets the account at once (`forget`); a lookup that began before is not remembered after.
 */
export class ReaderClasses {
  private tokens = new Map<string, Token | null>();
  private accounts = new Map<string, ReaderClass>();
  private generation = 0;

  constructor(
    private readonly secret: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The class of reader a session cookie speaks for (see `sessionCookie`), or null when it cannot be
   * told here (a cookie split in parts): such a request goes to Next.js, uncached.
   */
  async classOf(session: SessionCookie, account: (token: JWT) => Promise<Account | null>): Promise<ReaderClass | null> {
    if (!session) return "anonymous";
    if (session === "split") return null;
    const token = await this.token(session.token);
    if (!token || token.expiresAt <= this.now()) return "anonymous";
    const key = `${token.sub} ${token.sessionVersion}`;
    const known = this.accounts.get(key);
    if (known) return known;
    const startedAt = this.generation;
    const found = await account({ sub: token.sub, sv: token.sessionVersion });
    const readerClass: ReaderClass = found && !found.blocked ? found.role : "anonymous";
    if (startedAt === this.generation) remember(this.accounts, key, readerClass);
    return readerClass;
  }

  private async token(raw: string): Promise<Token | null> {
    const known = this.tokens.get(raw);
    if (known !== undefined) return known;
    const payload = await decode({ token: raw, secret: this.secret() }).catch(() => null);
    const token =
      payload?.sub && typeof payload.exp === "number" ? { sub: payload.sub, sessionVersion: typeof payload.sv === "number" ? payload.sv : 0, expiresAt: payload.exp * 1000 } : null;
    remember(this.tokens, raw, token);
    return token;
  }

  /** Forgets what is known of these accounts (by id), or of all. */
  forget(ids: string[] | "all"): void {
    this.generation++;
    if (ids === "all") {
      this.accounts.clear();
      return;
    }
    for (const key of this.accounts.keys()) {
      if (ids.includes(key.slice(0, key.indexOf(" ")))) this.accounts.delete(key);
    }
  }
}

const globalForClasses = globalThis as unknown as { palimpsestReaderClasses?: ReaderClasses };

/** The process's reader classes: the front server and the app's code are bundled apart, and share it. */
export function readerClasses(): ReaderClasses {
  globalForClasses.palimpsestReaderClasses ??= new ReaderClasses(authSecret);
  return globalForClasses.palimpsestReaderClasses;
}
