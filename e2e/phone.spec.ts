import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test.describe("on a 390-pixel phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the site's links fold behind a menu that opens with or without script", async ({ page }) => {
    await page.goto("/wiki/gpt_5_2");
    const site = page.getByRole("navigation", { name: "Site" });
    await expect(site).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(site).toBeVisible();
    await site.getByRole("link", { name: "Recent changes" }).click();
    await expect(page).toHaveURL("/recent");
    await expect(site).toBeHidden();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the menu is a link that opens the site's links", async ({ page }) => {
      await page.goto("/wiki/gpt_5_2");
      const site = page.getByRole("navigation", { name: "Site" });
      await expect(site).toBeHidden();
      await page.getByRole("button", { name: "Menu" }).click();
      await expect(site).toBeVisible();
      await site.getByRole("link", { name: "All pages" }).click();
      await expect(page).toHaveURL("/pages");
      await expect(site).toBeHidden();
    });
  });

  test("no page scrolls sideways for a signed-in administrator", async ({ page, db, makeAccount, signInAs }) => {
    const admin = await makeAccount("admin");
    const pageId = `phone_${Date.now()}`;
    const first = await savePageRevision(db, {
      pageId,
      doc: paragraph("A first text for the phone."),
      authorId: admin.id,
      summary: "Start",
      baseRevisionId: null,
      selfApproved: true,
    });
    await savePageRevision(db, {
      pageId,
      doc: paragraph("A second, longer text for the phone, with more words in it."),
      authorId: admin.id,
      summary: "More",
      baseRevisionId: first.revisionId,
      selfApproved: true,
    });
    await signInAs(page, admin);
    for (const path of [
      `/wiki/${pageId}`,
      `/wiki/${pageId}/history`,
      `/wiki/${pageId}/diff?from=1&to=2`,
      `/wiki/${pageId}/diff?from=1&to=2&view=side`,
      `/wiki/${pageId}/edit`,
      "/recent",
      "/review",
      "/media",
      "/sources",
      "/pages",
      "/search?q=phone",
      "/admin/users",
      "/admin/settings",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} is ${overflow} pixels too wide`).toBeLessThanOrEqual(0);
    }
  });
});
