import { randomBytes } from "node:crypto";
import type { DocumentJSON, NodeJSON } from "../lib/content/document";
import type { Db } from "../lib/db";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

/** A word only this test's pages hold, so each journey finds just its own pages. */
const unique = () => `q${randomBytes(4).toString("hex")}`;
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content }] });
const text = (value: string): NodeJSON => ({ type: "text", text: value });

async function writePage(db: Db, authorId: string, pageId: string, title: string, body: DocumentJSON) {
  await savePageRevision(db, { pageId, title, doc: body, authorId, summary: "", selfApproved: true });
}

test.describe("finding pages", () => {
  test("search from the header, and pick a suggested title", async ({ page, db, makeAccount }) => {
    const word = unique();
    const author = await makeAccount("admin");
    await writePage(db, author.id, `astro_${word}`, `Astronomy ${word}`, doc(text("Stars and planets.")));
    await writePage(db, author.id, `astrology_${word}`, `Astrology ${word} myths`, doc(text(`Not a science; see astronomy ${word}.`)));

    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search pages" });
    await box.fill(`astronomy ${word}`);
    const suggestions = page.getByRole("listbox", { name: "Suggested pages" });
    await expect(suggestions.getByRole("option")).toHaveText([`Astronomy ${word}`]);
    await suggestions.getByRole("option", { name: `Astronomy ${word}` }).click();
    await expect(page).toHaveURL(`/wiki/astro_${word}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Astronomy ${word}`);

    // Enter without choosing a suggestion shows the results, hits marked.
    await box.fill(`${word} science`);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?/);
    const results = page.getByRole("list").filter({ has: page.getByRole("heading", { name: `Astrology ${word} myths` }) });
    await expect(results.locator("mark").first()).toHaveText("science");
    await expect(page.getByRole("status")).toHaveText("1 page matches.");
  });

  test("the suggestions work from the keyboard alone", async ({ page, db, makeAccount }) => {
    const word = unique();
    const author = await makeAccount("admin");
    await writePage(db, author.id, `keys_a_${word}`, `Keyboard ${word} alpha`, doc(text("First.")));
    await writePage(db, author.id, `keys_b_${word}`, `Keyboard ${word} beta`, doc(text("Second.")));

    await page.goto("/recent");
    const box = page.getByRole("combobox", { name: "Search pages" });
    await box.focus();
    await page.keyboard.type(`keyboard ${word}`);
    const options = page.getByRole("listbox", { name: "Suggested pages" }).getByRole("option");
    // Titles that start with the text come first, shortest first.
    await expect(options).toHaveText([`Keyboard ${word} beta`, `Keyboard ${word} alpha`]);
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
    await page.keyboard.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/wiki/keys_a_${word}`);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the header's form searches, and goes straight to a page named exactly", async ({ page, db, makeAccount }) => {
      const word = unique();
      const author = await makeAccount("admin");
      await writePage(db, author.id, `plain_${word}`, `Plain ${word}`, doc(text(`Readable without scripts: ${word} <b>bold?</b>`)));

      await page.goto("/");
      const box = page.getByRole("combobox", { name: "Search pages" });
      await box.fill(`readable ${word}`);
      await box.press("Enter");
      await expect(page.getByRole("heading", { name: `Plain ${word}` })).toBeVisible();
      await expect(page.locator(".search-snippet")).toContainText("<b>bold");
      await expect(page.locator(".search-snippet b")).toHaveCount(0);

      await page.getByRole("combobox", { name: "Search pages" }).fill(`plain ${word}`);
      await page.getByRole("combobox", { name: "Search pages" }).press("Enter");
      await expect(page).toHaveURL(`/wiki/plain_${word}`);
    });
  });

  test.describe("a page that does not exist yet", () => {
    test.use({ expectedErrors: [/status of 404/] });

    test("says which page is missing and what links to it", async ({ page, db, makeAccount }) => {
      const word = unique();
      const author = await makeAccount("admin");
      const link = { type: "text", text: "the missing one", marks: [{ type: "wikiLink", attrs: { target: `wanted_${word}`, fragment: null } }] };
      await writePage(db, author.id, `linking_${word}`, `Linking ${word}`, doc(text("See "), link, text(".")));

      await page.goto(`/wiki/linking_${word}`);
      await page.getByRole("link", { name: "the missing one" }).click();
      await expect(page.getByText(`The page “wanted_${word}” does not exist yet.`)).toBeVisible();
      await page.getByRole("link", { name: "What links here" }).click();
      await expect(page).toHaveURL(`/wiki/wanted_${word}/backlinks`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`What links to Wanted ${word}`);
      await page.getByRole("link", { name: `Linking ${word}` }).click();
      await expect(page).toHaveURL(`/wiki/linking_${word}`);
    });
  });
});
