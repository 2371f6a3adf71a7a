import { test as base, expect } from "@playwright/test";

/**
 * Every test fails on a console error or an uncaught error in the page, except the errors a test
 * declares it expects (`test.use({ expectedErrors: [/…/] })`), such as the browser's report of a 404.
 */
export const test = base.extend<{ expectedErrors: RegExp[]; pageErrors: string[] }>({
  expectedErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, expectedErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
      await use(errors);
      expect(errors.filter((e) => !expectedErrors.some((re) => re.test(e))), "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
