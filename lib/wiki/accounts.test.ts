import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { can } from "../auth/policy";
import { accountNameKey } from "../validation/account";
import { createAccount, endSessions, signUp, FREE_ATTEMPTS, sessionVersion, getAccount, listAccounts, updateAccount, verifyCredentials, waitSeconds } from "./accounts";
import { AppError } from "./errors";
import { getSiteSettings, SETTINGS, setSetting, updateSiteSettings } from "./settings";
import { ensureSystemUser } from "./users";

const PASSWORD = "correct horse battery";

describeOnEachDatabase("accounts", (database) => {
  it("makes the first account of a new install its admin, and later ones editors", async () => {
    const { db } = database();
    await ensureSystemUser(db); // the import account does not count as the first person
    const first = await createAccount(db, { email: "Ada@Example.org", name: "Ada", password: PASSWORD });
    expect(first).toMatchObject({ email: "ada@example.org", role: "admin", blocked: false });
    const second = await createAccount(db, { email: "bob@example.org", name: "Bob", password: PASSWORD });
    expect(second.role).toBe("editor");
  });

  it("stores an argon2id hash, never the password", async () => {
    const row = await database().db.user.findUniqueOrThrow({ where: { email: "bob@example.org" }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    // Queries leave the hash out unless they ask for it.
    expect(await database().db.user.findUniqueOrThrow({ where: { email: "bob@example.org" } })).not.toHaveProperty("passwordHash");
  });

  it("makes readers when an administrator's sign-up setting says so", async () => {
    const { db } = database();
    const admin = (await db.user.findUniqueOrThrow({ where: { email: "ada@example.org" }, select: { id: true } })).id;
    const ada = (await getAccount(db, admin))!;
    const bob = (await getAccount(db, (await db.user.findUniqueOrThrow({ where: { email: "bob@example.org" } })).id))!;
    await expect(updateSiteSettings(db, bob, { signUpRole: "reader", reviewPolicy: "none" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSiteSettings(db, ada, { signUpRole: "admin", reviewPolicy: "none" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await updateSiteSettings(db, ada, { signUpRole: "reader", reviewPolicy: "none" });
    expect(await getSiteSettings(db)).toMatchObject({ signUpRole: "reader", reviewPolicy: "none", citationStyle: "apa" });
    expect((await createAccount(db, { email: "cy@example.org", name: "Cy", password: PASSWORD })).role).toBe("reader");
    await setSetting(db, SETTINGS.signUpRole, "editor");
  });

  it("refuses taken emails and names and invalid input with field messages", async () => {
    const { db } = database();
    await expect(createAccount(db, { email: "ada@example.org", name: "Other", password: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { email: "An account with this email already exists." } },
    });
    await expect(createAccount(db, { email: "new@example.org", name: "Ada", password: PASSWORD })).rejects.toMatchObject({
      details: { fieldErrors: { name: "This name is taken." } },
    });
    await expect(createAccount(db, { email: "nope", name: "<script>", password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { email: "Enter a valid email address.", name: expect.stringMatching(/letters/), password: expect.stringMatching(/at least 10/) } },
    });
  });

  it("never says through sign-up whether an email address is registered", async () => {
    const { db } = database();
    const before = await db.user.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    // A taken address is answered as a new one is, and changes nothing.
    await expect(signUp(db, { email: "ADA@example.org", name: "Not Ada", password: "another password" })).resolves.toBeUndefined();
    expect(await db.user.findUniqueOrThrow({ where: { email: "ada@example.org" } })).toEqual(before);
    expect(await db.user.findUnique({ where: { nameKey: "not ada" } })).toBeNull();
    await expect(verifyCredentials(db, { email: "ada@example.org", password: "another password" }, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A taken name is said whatever the address, since names are public.
    for (const email of ["ada@example.org", "fresh@example.org"]) {
      await expect(signUp(db, { email, name: "ada", password: PASSWORD })).rejects.toMatchObject({ details: { fieldErrors: { name: "This name is taken." } } });
    }
    await signUp(db, { email: "dee@example.org", name: "Dee", password: PASSWORD });
    expect((await verifyCredentials(db, { email: "dee@example.org", password: PASSWORD }, null)).name).toBe("Dee");
    await db.user.delete({ where: { email: "dee@example.org" } }); // the later tests count the accounts
  });

  it("signs in with the right password only", async () => {
    const { db } = database();
    expect((await verifyCredentials(db, { email: "BOB@example.org", password: PASSWORD }, "10.0.0.1")).name).toBe("Bob");
    await expect(verifyCredentials(db, { email: "bob@example.org", password: "wrong password" }, "10.0.0.1")).rejects.toThrow("Wrong email or password.");
    await expect(verifyCredentials(db, { email: "nobody@example.org", password: PASSWORD }, "10.0.0.1")).rejects.toThrow("Wrong email or password.");
  });

  it("slows repeated failures per account, and says for how long", async () => {
    const { db } = database();
    await createAccount(db, { email: "dan@example.org", name: "Dan", password: PASSWORD });
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: "dan@example.org", password: `guess ${i}` }, `10.1.0.${i}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // Even the right password waits now, from any address.
    const slowed = verifyCredentials(db, { email: "dan@example.org", password: PASSWORD }, "10.9.9.9");
    await expect(slowed).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many failed sign-ins. Try again in 2 seconds." });
    expect([4, 5, 6, 7, 20].map(waitSeconds)).toEqual([0, 2, 4, 8, 900]);
  });

  it("lets the owner's known device sign in while strangers' guesses slow everyone else", async () => {
    const { db } = database();
    // Dan's account is slowed by the guesses above; the device Dan signed in on before is not.
    await expect(verifyCredentials(db, { email: "dan@example.org", password: PASSWORD }, "10.9.9.9")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: "dan@example.org", password: PASSWORD }, "10.9.9.9", "dans-laptop")).name).toBe("Dan");
    // A known device's own failures still slow it, and nobody else.
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: "dan@example.org", password: `typo ${i}` }, null, "dans-phone")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(verifyCredentials(db, { email: "dan@example.org", password: PASSWORD }, null, "dans-phone")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: "dan@example.org", password: PASSWORD }, null, "dans-laptop")).name).toBe("Dan");
  });

  it("slows repeated failures per address across accounts", async () => {
    const { db } = database();
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await expect(verifyCredentials(db, { email: `victim${i}@example.org`, password: "x" }, "10.2.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(verifyCredentials(db, { email: "ada@example.org", password: PASSWORD }, "10.2.0.1")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials(db, { email: "ada@example.org", password: PASSWORD }, "10.2.0.2")).role).toBe("admin");
  });

  it("lets an admin change roles and block accounts; blocked accounts cannot sign in or edit", async () => {
    const { db } = database();
    const [ada, bob] = await Promise.all(["ada@example.org", "bob@example.org"].map((email) => verifyCredentials(db, { email, password: PASSWORD }, null)));
    await expect(updateAccount(db, bob, { id: ada.id, blocked: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateAccount(db, ada, { id: ada.id, role: "editor" })).rejects.toThrow("You cannot demote or block your own account.");

    expect((await updateAccount(db, ada, { id: bob.id, role: "reviewer" })).role).toBe("reviewer");
    const blocked = await updateAccount(db, ada, { id: bob.id, blocked: true });
    expect(blocked.blocked).toBe(true);
    await expect(verifyCredentials(db, { email: "bob@example.org", password: PASSWORD }, null)).rejects.toThrow(/blocked/);
    const fresh = await getAccount(db, bob.id);
    expect(can(fresh, "edit")).toBe(false);
    await updateAccount(db, ada, { id: bob.id, blocked: false });
    expect(can(await getAccount(db, bob.id), "edit")).toBe(true);
    expect((await listAccounts(db)).map((a) => a.name)).toEqual(["Ada", "Bob", "Cy", "Dan"]);
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
    const tag = Math.random().toString(36).slice(2, 8);
    const email = `burst-${tag}@example.org`;
    await createAccount(db, { email, name: `Burst ${tag}`, password: PASSWORD });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => verifyCredentials(db, { email, password: `guess ${i}` }, `10.77.${i}.1`)));
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as AppError).code : "SIGNED_IN"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED").length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(codes.every((c) => c === "UNAUTHENTICATED" || c === "RATE_LIMITED")).toBe(true);
  });

  it("ends every session of an account at once", async () => {
    const { db } = database();
    const tag = Math.random().toString(36).slice(2, 8);
    const account = await createAccount(db, { email: `ends-${tag}@example.org`, name: `Ends ${tag}`, password: PASSWORD });
    const version = await sessionVersion(db, account.id);
    expect(await getAccount(db, account.id, version)).toMatchObject({ id: account.id });
    await endSessions(db, account.id);
    expect(await getAccount(db, account.id, version)).toBeNull();
    expect(await getAccount(db, account.id, await sessionVersion(db, account.id))).toMatchObject({ id: account.id });
  });
});
