import { encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import type { Role } from "../validation/account";
import type { Account } from "./account";
import { ReaderClasses } from "./reader-class";
import { headerCookies, sessionCookie } from "./session-cookie";

const SECRET = "a secret for reader classes";

/** Accounts as the database would give them, counting the lookups. */
function directory(accounts: Record<string, { role: Role; blocked?: boolean; sessionVersion?: number }>) {
  const lookups: string[] = [];
  const lookup = async (token: JWT): Promise<Account | null> => {
    lookups.push(token.sub!);
    const found = accounts[token.sub!];
    if (!found || (found.sessionVersion ?? 0) !== token.sv) return null;
    return { id: token.sub!, email: `${token.sub}@example.org`, name: token.sub!, role: found.role, blocked: found.blocked ?? false };
  };
  return { accounts, lookups, lookup };
}

/** A request's session, from its `Cookie` header, as the front server reads it. */
const parsed = (header: string | undefined) => sessionCookie(headerCookies(header));

const cookie = async (sub: string, sv = 0, maxAge = 3600) => `theme=dark; next-auth.session-token=${await encode({ token: { sub, sv }, secret: SECRET, maxAge })}`;

describe("the reader class of a request", () => {
  it("is anonymous without a session, the account's role with one", async () => {
    const { lookup } = directory({ ed: { role: "editor" }, rev: { role: "reviewer" } });
    const classes = new ReaderClasses(() => SECRET);
    expect(await classes.classOf(parsed(undefined), lookup)).toBe("anonymous");
    expect(await classes.classOf(parsed("theme=dark"), lookup)).toBe("anonymous");
    expect(await classes.classOf(parsed(await cookie("ed")), lookup)).toBe("editor");
    expect(await classes.classOf(parsed(await cookie("rev")), lookup)).toBe("reviewer");
  });

  it("reads a blocked account, an ended session, an expired or forged token as anonymous", async () => {
    const { lookup } = directory({ blocked: { role: "editor", blocked: true }, ended: { role: "admin", sessionVersion: 1 } });
    const classes = new ReaderClasses(() => SECRET);
    expect(await classes.classOf(parsed(await cookie("blocked")), lookup)).toBe("anonymous");
    expect(await classes.classOf(parsed(await cookie("ended", 0)), lookup)).toBe("anonymous");
    expect(await classes.classOf(parsed(await cookie("ended", 1, -60)), lookup)).toBe("anonymous");
    expect(await classes.classOf(parsed("next-auth.session-token=forged"), lookup)).toBe("anonymous");
    const other = await encode({ token: { sub: "ended", sv: 1 }, secret: "another secret" });
    expect(await classes.classOf(parsed(`next-auth.session-token=${other}`), lookup)).toBe("anonymous");
  });

  it("finds the session cookie among others, on https or http", () => {
    expect(parsed(undefined)).toBeNull();
    expect(parsed("theme=dark; next-auth.csrf-token=x")).toBeNull();
    expect(parsed("theme=dark; __Secure-next-auth.session-token=a%2Eb")).toEqual({ token: "a.b" });
    expect(parsed("next-auth.session-token=abc; theme=%E0%A4%A")).toEqual({ token: "abc" });
  });

  it("cannot tell a session cookie split in parts: such a request is not cached", async () => {
    const { lookup } = directory({});
    const header = "next-auth.session-token.0=abc; next-auth.session-token.1=def";
    expect(parsed(header)).toBe("split");
    expect(await new ReaderClasses(() => SECRET).classOf(parsed(header), lookup)).toBeNull();
  });

  it("reads each account once, until it is forgotten", async () => {
    const { accounts, lookups, lookup } = directory({ ed: { role: "editor" }, other: { role: "reader" } });
    const classes = new ReaderClasses(() => SECRET);
    const session = await cookie("ed");
    await classes.classOf(parsed(session), lookup);
    await classes.classOf(parsed(session), lookup);
    await classes.classOf(parsed(await cookie("other")), lookup);
    expect(lookups).toEqual(["ed", "other"]);

    accounts.ed.role = "reviewer";
    expect(await classes.classOf(parsed(session), lookup)).toBe("editor");
    classes.forget(["ed"]);
    expect(await classes.classOf(parsed(session), lookup)).toBe("reviewer");
    await classes.classOf(parsed(await cookie("other")), lookup);
    expect(lookups).toEqual(["ed", "other", "ed"]);

    accounts.other.blocked = true;
    classes.forget("all");
    expect(await classes.classOf(parsed(await cookie("other")), lookup)).toBe("anonymous");
  });

  it("never remembers a lookup that began before its account was forgotten", async () => {
    const { accounts, lookup } = directory({ ed: { role: "editor" } });
    const classes = new ReaderClasses(() => SECRET);
    const session = await cookie("ed");
    let looked: () => void = () => {};
    const lookedUp = new Promise<void>((resolve) => (looked = resolve));
    let release: () => void = () => {};
    const slow = async (token: JWT) => {
      const found = await lookup(token);
      looked();
      await new Promise<void>((resolve) => (release = resolve));
      return found;
    };
    const pending = classes.classOf(parsed(session), slow);
    await lookedUp;
    // The role changes while the first lookup is still on its way.
    accounts.ed.role = "reader";
    classes.forget(["ed"]);
    release();
    expect(await pending).toBe("editor");
    expect(await classes.classOf(parsed(session), lookup)).toBe("reader");
  });
});
