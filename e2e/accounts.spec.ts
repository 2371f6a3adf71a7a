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
    await expect(banner.getByText(`New ${tag}`)).toBeVisible();
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
});
