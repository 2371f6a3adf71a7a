import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { authSecret } from "../lib/auth/secret";
import { createDb, type Db } from "../lib/db";
import type { Role } from "../lib/validation/account";
import { type Account, createAccount } from "../lib/wiki/accounts";

export const PASSWORD = "correct horse battery";

type Fixtures = {
  expectedErrors: RegExp[];
  pageErrors: string[];
  db: Db;
  /** Makes an account with a unique email and name, straight in the database. */
  makeAccount: (role: Role) => Promise<Account>;
  /** Signs a page in as an account by setting its session cookie (only the sign-in test uses the form). */
  signInAs: (page: Page, account: Account) => Promise<void>;
};

/**
 * Every test fails on a console error or an uncaught error in the page, except the errors a test
 * declares it expects (`test.use({ expectedErrors: [/…/] })`), such as the browser's report of a 404.
 */
export const test = base.extend<Fixtures>({
  expectedErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, expectedErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
      await use(errors);
      expect(
        errors.filter((e) => !expectedErrors.some((re) => re.test(e))),
        "errors in the browser",
      ).toEqual([]);
    },
    { auto: true },
  ],
  db: async ({}, use, testInfo) => {
    const db = createDb(String(testInfo.project.metadata.databaseUrl));
    await use(db);
    await db.$disconnect();
  },
  makeAccount: async ({ db }, use) => {
    await use(async (role) => {
      const tag = randomBytes(4).toString("hex");
      return createAccount(db, { email: `${role}-${tag}@example.org`, name: `${role} ${tag}`, password: PASSWORD }, { role });
    });
  },
  signInAs: async ({ baseURL }, use) => {
    await use(async (page, account) => {
      const token = await encode({ token: { sub: account.id, name: account.name, email: account.email }, secret: authSecret() });
      await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

export { expect };
