import { randomBytes } from "node:crypto";
import { expect, PASSWORD, test } from "./fixtures";

test.describe("accounts", () => {
  // A refused sign-in is answered 401, which the browser reports.
  test.use({ expectedErrors: [/status of 401/] });

  test("sign up, sign out and sign in again", async ({ page }) => {
    const tag = randomBytes(4).toString("hex");
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Create one" }).click();
    await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();

    await page.getByLabel("Email").fill(`new-${tag}@example.org`);
    await page.getByLabel("Name shown on your edits").fill(`New ${tag}`);
    await page.getByLabel(/^Password/).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use a password of at least 10 characters.")).toBeVisible();

    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    const banner = page.getByRole("banner");
    await expect(banner.getByText(`New ${tag}`)).toBeVisible();

    await banner.getByRole("button", { name: "Sign out" }).click();
    await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();

    await banner.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByLabel("Email").fill(`new-${tag}@example.org`);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("Wrong email or password.");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where the header's link was followed from.
    await expect(page).toHaveURL("/");
    await expect(banner.getByText(`New ${tag}`)).toBeVisible();
  });

  test("sign-up does not say whether an email address is registered", async ({ page, makeAccount }) => {
    const owner = await makeAccount("editor");
    const tag = randomBytes(4).toString("hex");
    await page.goto("/signup");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Name shown on your edits").fill(`Someone ${tag}`);
    await page.getByLabel(/^Password/).fill("a guess at nothing");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("Signing in with this email and password failed. If you already have an account, sign in with its password.");
    await expect(page.getByText(/already exists/)).toHaveCount(0);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("strangers' failed guesses do not keep the owner out of a device they signed in on before", async ({ page, browser, db, makeAccount }) => {
    const owner = await makeAccount("editor");
    const signIn = async (on: typeof page) => {
      await on.goto("/login");
      await on.getByLabel("Email").fill(owner.email);
      await on.getByLabel("Password").fill(PASSWORD);
      await on.getByRole("button", { name: "Sign in" }).click();
    };
    await signIn(page);
    await expect(page).not.toHaveURL(/\/login/);
    const banner = page.getByRole("banner");
    await expect(banner.getByText(owner.name)).toBeVisible();
    await banner.getByRole("button", { name: "Sign out" }).click();
    await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();

    // Someone has been guessing at the account: twenty failures, the last just now.
    await db.signInThrottle.upsert({
      where: { key: `email:${owner.email}` },
      create: { key: `email:${owner.email}`, failures: 20, lastFailure: new Date() },
      update: { failures: 20, lastFailure: new Date() },
    });
    const elsewhere = await browser.newPage();
    await signIn(elsewhere);
    await expect(elsewhere.locator("p[role=alert]")).toContainText("Too many failed sign-ins. Try again in");
    await elsewhere.close();

    await signIn(page);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(banner.getByText(owner.name)).toBeVisible();
  });

  test("a session survives a new browser page and a reload", async ({ page, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    await page.goto("/wiki/gpt_5_2");
    await expect(page.getByRole("banner").getByText(editor.name)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("banner").getByText(editor.name)).toBeVisible();
  });

  test("an admin blocks an account, which then cannot sign in", async ({ page, browser, makeAccount, signInAs }) => {
    const admin = await makeAccount("admin");
    const editor = await makeAccount("editor");
    await signInAs(page, admin);
    await page.goto("/admin/users");
    const row = page.getByRole("row", { name: new RegExp(editor.name) });
    await row.getByRole("button", { name: `Block ${editor.name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(editor.name) }).getByText("Blocked")).toBeVisible();

    const other = await browser.newPage();
    await other.goto("/login");
    await other.getByLabel("Email").fill(editor.email);
    await other.getByLabel("Password").fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.locator("p[role=alert]")).toHaveText("This account is blocked. Ask an administrator to unblock it.");
    await other.close();
  });

  test("only admins see the accounts page", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("reviewer"));
    await page.goto("/admin/users");
    await expect(page.locator("p[role=alert]")).toHaveText(/Only administrators can manage accounts/);
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("signing in never leads to another site, however the address is written", async ({ page, makeAccount, baseURL }) => {
    const editor = await makeAccount("editor");
    const origin = new URL(baseURL!).origin;
    for (const callback of ["/%5Cevil.test/phish", "/%09/evil.test", "//evil.test", "/%2F%2Fevil.test"]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(editor.email!);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The header knows the account before the page has moved on: wait for the move itself.
      await expect(page).not.toHaveURL(/\/login/);
      await expect(page.getByRole("banner").getByText(editor.name)).toBeVisible();
      expect(new URL(page.url()).origin).toBe(origin);
    }
  });

  test("signing out ends the session: its cookie no longer signs anyone in, here or elsewhere", async ({ page, browser, makeAccount, signInAs, baseURL }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    await page.goto("/wiki/gpt_5_2");
    const banner = page.getByRole("banner");
    await expect(banner.getByText(editor.name)).toBeVisible();
    const cookies = await page.context().cookies();

    // The same session copied to another browser, as a stolen cookie would be.
    const other = await browser.newContext({ baseURL });
    await other.addCookies(cookies);
    expect((await (await other.request.get("/api/auth/session")).json()).account?.name).toBe(editor.name);

    await banner.getByRole("button", { name: "Sign out" }).click();
    await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect((await (await other.request.get("/api/auth/session")).json()).account ?? null).toBeNull();
    await other.close();
  });

  test("an admin issues an API token for a time, sees when it expires and when it was used, and revokes it", async ({ page, request, makeAccount, signInAs }) => {
    const admin = await makeAccount("admin");
    await signInAs(page, admin);
    await page.goto("/admin/users");
    const purpose = `Export ${Date.now()}`;
    await page.getByLabel("Account").selectOption({ label: admin.name });
    await page.getByLabel("What the token is for").fill(purpose);
    await page.getByLabel("Works for").selectOption({ label: "30 days" });
    // The day it expires, as the day began when it was issued and as it may have turned since.
    const inThirtyDays = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const expiryDays = [inThirtyDays()];
    await page.getByRole("button", { name: "Issue token" }).click();
    const token = (await page.locator("code.token").textContent())!;
    expiryDays.push(inThirtyDays());
    expect(token).toMatch(/^pal_/);

    const pageId = `token_page_${Date.now()}`;
    const save = () =>
      request.post(`/api/pages/${pageId}/revisions`, {
        data: { doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "By token." }] }] }, baseRevisionId: null },
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await save()).status()).toBe(201);

    await page.reload();
    const row = page.getByRole("row", { name: new RegExp(purpose) });
    await expect(row).toContainText(new RegExp(expiryDays.join("|")));
    // Used once, so neither its last use nor its expiry says "never".
    await expect(row).not.toContainText("never");
    await row.getByRole("button", { name: `Revoke ${purpose}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(purpose) })).toContainText("Revoked");
    expect((await save()).status()).toBe(401);
  });
});
