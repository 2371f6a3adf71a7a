import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { updateAccount } from "./accounts";
import { accountForToken, issueApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { buildAccount } from "../../test/factories";

describeOnEachDatabase("API tokens", (database) => {
  it("are issued by admins, shown once, stored only as a hash, and revocable", async () => {
    const { db } = database();
    const admin = await buildAccount(db, "admin");
    const editor = await buildAccount(db, "editor", "Ed");

    await expect(issueApiToken(db, editor, { userId: editor.id, name: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id, token } = await issueApiToken(db, admin, { userId: editor.id, name: "Import script" });
    expect(token).toMatch(/^pal_[\w-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await listApiTokens(db))).not.toContain(token);

    expect((await accountForToken(db, token))?.id).toBe(editor.id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect(await accountForToken(db, `${token}x`)).toBeNull();
    expect(await accountForToken(db, "not a token")).toBeNull();

    await updateAccount(db, admin, { id: editor.id, blocked: true });
    expect(await accountForToken(db, token)).toBeNull();
    await updateAccount(db, admin, { id: editor.id, blocked: false });

    await revokeApiToken(db, admin, id);
    expect(await accountForToken(db, token)).toBeNull();
    await expect(revokeApiToken(db, admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("can be issued for a time, and stop working once it is past", async () => {
    const { db } = database();
    const admin = await buildAccount(db, "admin");
    const { id, token, expiresAt } = await issueApiToken(db, admin, { userId: admin.id, name: "Nightly export", expiresInDays: 30 });
    expect(expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 60 * 60 * 1000);
    expect((await accountForToken(db, token))?.id).toBe(admin.id);
    expect((await listApiTokens(db)).find((t) => t.id === id)).toMatchObject({ expiresAt, lastUsedAt: expect.any(Date) });
    // A month on, as if it were then.
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await accountForToken(db, token)).toBeNull();
    await expect(issueApiToken(db, admin, { userId: admin.id, name: "odd", expiresInDays: 7 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await issueApiToken(db, admin, { userId: admin.id, name: "forever", expiresInDays: null })).expiresAt).toBeNull();
  });
});
