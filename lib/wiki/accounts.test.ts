import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { buildAccount, unique } from "../../test/factories";
import { databaseOfItsOwn, describeOnEachDatabase } from "../../test/with-databases";
import { can } from "../auth/policy";
import { accountNameKey } from "../validation/account";
import { createAccount, endSessions, signUp, FREE_ATTEMPTS, sessionVersion, getAccount, listAccounts, updateAccount, verifyCredentials, waitSeconds } from "./accounts";
import { AppError } from "./errors";
import { getSiteSettings, SETTINGS, setSetting, updateSiteSettings } from "./settings";
import { ensureSystemUser } from "./users";

const PASSWORD = "correct horse battery";

/** An address and a name of their own, for an account made through sign-up or `createAccount`. */
const fresh = (name: string) => {
  const tag = unique();
  return { email: `${name.toLowerCase()}-${tag}@example.org`, name: `${name} ${tag}`, password: PASSWORD };
};

/** A client address of its own: failed sign-ins are also counted per address. */
const address = () => `10.${randomBytes(3).join(".")}`;

describeOnEachDatabase("accounts", (database) => {
  it("makes the first account of a new install its admin, and later ones editors", async () => {
    // A new install is an empty database of its own.
    const { db } = await databaseOfItsOwn(database().kind);
    await ensureSystemUser(db); // the import account does not count as the first person
    const first = await createAccount(db, { email: "Ada@Example.org", name: "Ada", password: PASSWORD });
    expect(first).toMatchObject({ email: "ada@example.org", role: "admin", blocked: false });
    const second = await createAccount(db, { email: "bob@example.org", name: "Bob", password: PASSWORD });
    expect(second.role).toBe("editor");
    expect((await listAccounts(db)).map((a) => [a.name, a.role])).toEqual([
      ["Ada", "admin"],
      ["Bob", "editor"],
    ]);
  });

  it("stores an argon2id hash, never the password", async () => {
    const { db } = database();
    const bob = await buildAccount(db);
    const row = await db.user.findUniqueOrThrow({ where: { id: bob.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    // Queries leave the hash out unless they ask for it.
    expect(await db.user.findUniqueOrThrow({ where: { id: bob.id } })).not.toHaveProperty("passwordHash");
  });

  it("makes readers when an administrator's sign-up setting says so", async () => {
    const { db } = database();
    const [ada, bob] = [await buildAccount(db, "admin"), await buildAccount(db)];
    try {
      await expect(updateSiteSettings(db, bob, { signUpRole: "reader", reviewPolicy: "none" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateSiteSettings(db, ada, { signUpRole: "admin", reviewPolicy: "none" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await updateSiteSettings(db, ada, { signUpRole: "reader", reviewPolicy: "none" });
      expect(await getSiteSettings(db)).toMatchObject({ signUpRole: "reader", reviewPolicy: "none", citationStyle: "apa" });
      expect((await createAccount(db, fresh("Cy"))).role).toBe("reader");
    } finally {
      await setSetting(db, SETTINGS.signUpRole, "editor");
    }
  });

  it("refuses taken emails and names and invalid input with field messages", async () => {
    const { db } = database();
    const ada = await buildAccount(db);
    await expect(createAccount(db, { ...fresh("Other"), email: ada.email })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { email: "An account with this email already exists." } },
    });
    await expect(createAccount(db, { ...fresh("New"), name: ada.name })).rejects.toMatchObject({
      details: { fieldErrors: { name: "This name is taken." } },
    });
    await expect(createAccount(db, { email: "nope", name: "<script>", password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { email: "Enter a valid email address.", name: expect.stringMatching(/letters/), password: expect.stringMatching(/at least 10/) } },
    });
  });

  it("never says through sign-up whether an email address is registered", async () => {
    const { db } = database();
    const ada = await buildAccount(db);
    const before = await db.user.findUniqueOrThrow({ where: { email: ada.email } });
    // A taken address is answered as a new one is, and changes nothing.
    const notAda = fresh("Not Ada");
    await expect(signUp(db, { email: ada.email.toUpperCase(), name: notAda.name, password: "another password" })).resolves.toBeUndefined();
    expect(await db.user.findUniqueOrThrow({ where: { email: ada.email } })).toEqual(before);
    expect(await db.user.findUnique({ where: { nameKey: accountNameKey(notAda.name) } })).toBeNull();
    await expect(verifyCredentials(db, { email: ada.email, password: "another password" }, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A taken name is said whatever the address, since names are public.
    for (const email of [ada.email, fresh("Fresh").email]) {
      await expect(signUp(db, { email, name: ada.name.toLowerCase(), password: PASSWORD })).rejects.toMatchObject({ details: { fieldErrors: { name: "This name is taken." } } });
    }
    const dee = fresh("Dee");
    await signUp(db, dee);
    expect((await verifyCredentials(db, dee, null)).name).toBe(dee.name);
  });

  it("signs in with the right password only", async () => {
    const { db } = database();
    const bob = await buildAccount(db);
    const from = address();
    expect((await verifyCredentials(db, { email: bob.email.toUpperCase(), password: PASSWORD }, from)).name).toBe(bob.name);
    await expect(verifyCredentials(db, { email: bob.email, password: "wrong password" }, from)).rejects.toThrow("Wrong email or password.");
    await expect(verifyCredentials(db, { email: fresh("Nobody").email, password: PASSWORD }, from)).rejects.toThrow("Wrong email or password.");
  });

  it("slows repeated failures per account, and says for how long", async () => {
    const { db } = database();
    const dan = await buildAccount(db);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: dan.email, password: `guess ${i}` }, address())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // Even the right password waits now, from any address.
    const slowed = verifyCredentials(db, { email: dan.email, password: PASSWORD }, address());
    await expect(slowed).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many failed sign-ins. Try again in 2 seconds." });
    expect([4, 5, 6, 7, 20].map(waitSeconds)).toEqual([0, 2, 4, 8, 900]);
  });

  it("lets the owner's known device sign in while strangers' guesses slow everyone else", async () => {
    const { db } = database();
    const dan = await buildAccount(db);
    const [laptop, phone] = [`laptop-${dan.id}`, `phone-${dan.id}`];
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: dan.email, password: `guess ${i}` }, address())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // Dan's account is slowed by the guesses; the device Dan signed in on before is not.
    await expect(verifyCredentials(db, { email: dan.email, password: PASSWORD }, address())).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: dan.email, password: PASSWORD }, address(), laptop)).id).toBe(dan.id);
    // A known device's own failures still slow it, and nobody else.
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: dan.email, password: `typo ${i}` }, null, phone)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(verifyCredentials(db, { email: dan.email, password: PASSWORD }, null, phone)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: dan.email, password: PASSWORD }, null, laptop)).id).toBe(dan.id);
  });

  it("slows repeated failures per address across accounts", async () => {
    const { db } = database();
    const ada = await buildAccount(db, "admin");
    const [guesser, other] = [address(), address()];
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: fresh(`Victim${i}`).email, password: "x" }, guesser)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(verifyCredentials(db, { email: ada.email, password: PASSWORD }, guesser)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: ada.email, password: PASSWORD }, other)).role).toBe("admin");
  });

  it("lets an admin change roles and block accounts; blocked accounts cannot sign in or edit", async () => {
    const { db } = database();
    const [ada, bob] = [await buildAccount(db, "admin"), await buildAccount(db)];
    await expect(updateAccount(db, bob, { id: ada.id, blocked: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateAccount(db, ada, { id: ada.id, role: "editor" })).rejects.toThrow("You cannot demote or block your own account.");

    expect((await updateAccount(db, ada, { id: bob.id, role: "reviewer" })).role).toBe("reviewer");
    const blocked = await updateAccount(db, ada, { id: bob.id, blocked: true });
    expect(blocked.blocked).toBe(true);
    await expect(verifyCredentials(db, { email: bob.email, password: PASSWORD }, null)).rejects.toThrow(/blocked/);
    const now = await getAccount(db, bob.id);
    expect(can(now, "edit")).toBe(false);
    await updateAccount(db, ada, { id: bob.id, blocked: false });
    expect(can(await getAccount(db, bob.id), "edit")).toBe(true);
    expect((await listAccounts(db)).find((a) => a.id === bob.id)).toMatchObject({ name: bob.name, role: "reviewer", blocked: false });
  });

  it("has AppErrors for every refusal", async () => {
    await expect(verifyCredentials(database().db, { email: "", password: "" }, null)).rejects.toBeInstanceOf(AppError);
  });

  it("takes names that differ only in case, spacing or compatibility forms as one name", async () => {
    const { db } = database();
    const tag = Math.random().toString(36).slice(2, 8);
    await createAccount(db, { email: `one-${tag}@example.org`, name: `Admin One ${tag}`, password: PASSWORD });
    for (const [i, name] of [`admin one ${tag}`, `ADMIN  ONE ${tag}`, `Ａｄｍｉｎ Ｏｎｅ ${tag}`].entries()) {
      await expect(createAccount(db, { email: `twin-${i}-${tag}@example.org`, name, password: PASSWORD })).rejects.toMatchObject({
        details: { fieldErrors: { name: "This name is taken." } },
      });
    }
    await ensureSystemUser(db);
    await expect(createAccount(db, { email: `sys-${tag}@example.org`, name: "palimpsest IMPORT", password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(accountNameKey("Ａｄｍｉｎ\u00a0 One ")).toBe("admin one");
  });

  it("gives a parallel burst of guesses no more tries than the limit", async () => {
    const { db } = database();
    const { email } = await buildAccount(db);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => verifyCredentials(db, { email, password: `guess ${i}` }, `10.77.${i}.1`)));
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as AppError).code : "SIGNED_IN"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED").length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(codes.every((c) => c === "UNAUTHENTICATED" || c === "RATE_LIMITED")).toBe(true);
  });

  it("ends every session of an account at once", async () => {
    const { db } = database();
    const account = await buildAccount(db);
    const version = await sessionVersion(db, account.id);
    expect(await getAccount(db, account.id, version)).toMatchObject({ id: account.id });
    await endSessions(db, account.id);
    expect(await getAccount(db, account.id, version)).toBeNull();
    expect(await getAccount(db, account.id, await sessionVersion(db, account.id))).toMatchObject({ id: account.id });
  });
});
