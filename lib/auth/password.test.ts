import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { STRONG, hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashes", () => {
  it("are Argon2id, cheap under test, and verify only the password they were made from", async () => {
    const made = await hashPassword("correct horse battery");
    expect(made).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await verifyPassword(made, "correct horse battery")).toBe(true);
    expect(await verifyPassword(made, "correct horse battery ")).toBe(false);
  });

  it("made at the strong policy verify too: accounts made by a server sign in under any policy", async () => {
    const strong = await hash("correct horse battery", STRONG);
    expect(strong).toMatch(/\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(strong, "correct horse battery")).toBe(true);
  });

  it("are refused without a hash to check, whatever the password", async () => {
    expect(await verifyPassword(null, "no account has this password")).toBe(false);
    expect(await verifyPassword(undefined, "")).toBe(false);
  });

  it("weaker than the policy are to be made again", async () => {
    const cheap = await hashPassword("correct horse battery");
    expect(needsRehash(cheap, STRONG)).toBe(true);
    expect(needsRehash(await hash("correct horse battery", STRONG), STRONG)).toBe(false);
    expect(needsRehash(await hash("correct horse battery", { ...STRONG, timeCost: 3 }), STRONG)).toBe(false);
    expect(needsRehash(cheap)).toBe(false);
  });
});
