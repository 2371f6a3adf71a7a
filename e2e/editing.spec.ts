import type { Page } from "@playwright/test";
import { getLatestRevision, savePageRevision } from "../lib/wiki/revisions";
import { endOf, openEditor } from "./editor";
import { expect, test } from "./fixtures";

/** Moves the cursor to a new paragraph at the end of the document. */
async function typeNewParagraphAtEnd(page: Page, box: ReturnType<Page["getByRole"]>) {
  await box.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
}

test.describe("editing", () => {
  test("an editor adds a sentence with a wiki link and a citation reusing the Import AI source", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    // A copy of the example article of its own, so the journey can run again.
    const pageId = `example_copy_${Date.now()}`;
    const example = await getLatestRevision(db, "gpt_5_2");
    await savePageRevision(db, { pageId, doc: example!.doc, authorId: editor.id, summary: "A copy", baseRevisionId: null, title: "GPT 5.2 copy" });
    await page.goto(`/wiki/${pageId}`);
    await page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "Edit" }).click();
    const box = page.getByRole("textbox", { name: "Text of GPT 5.2 copy" });
    await expect(box).toBeVisible();
    await expect(page.getByText("Starting from revision 1.")).toBeVisible();

    await typeNewParagraphAtEnd(page, box);
    await page.keyboard.type("Its successor is described by ");
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByLabel("Page to link to").fill("GPT 6");
    await expect(page.getByText("Links to gpt_6, which does not exist yet.")).toBeVisible();
    await page.getByRole("button", { name: "Insert link" }).click();
    await page.keyboard.type(" in later reporting.");
    await page.getByRole("button", { name: "Cite" }).click();
    await page.getByLabel("Find a source by title or address").fill("Import AI");
    await page.getByRole("button", { name: "Cite Import AI - Automating Alignment (2026" }).click();
    // The reused source keeps its number as the marker appears.
    await expect(box.locator("sup.citation").last()).toHaveAttribute("data-number", "1");

    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByText("Its successor is described by")).toBeVisible();
    await expect(preview.getByRole("region", { name: "References" }).locator(":scope > ol > li")).toHaveCount(1);

    await page.getByLabel("Summary of your changes").fill("Mention the successor");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
    const body = page.locator(".article-body");
    await expect(body.getByText("Its successor is described by")).toBeVisible();
    await expect(body.getByRole("link", { name: "GPT 6 (page does not exist)" })).toHaveAttribute("href", "/wiki/gpt_6?title=GPT+6");
    const references = page.getByRole("region", { name: "References" }).locator(":scope > ol > li");
    await expect(references).toHaveCount(1);
    await expect(references.first().locator(".backlinks a")).toHaveCount(5);
    await expect(page.locator(".article-meta")).toContainText("Revision 2");
  });

  test("a new source made in place is cited and listed", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const box = await openEditor(page, `sandbox_${Date.now()}`);
    await expect(page.getByText("This page does not exist yet; saving creates it.")).toBeVisible();
    await box.click();
    await page.keyboard.type("A claim that needs a source.");
    await page.getByRole("button", { name: "Cite" }).click();
    await page.getByRole("button", { name: "New source…" }).click();
    await page.getByLabel("Address (URL)").fill("https://example.org/report-2026");
    await page.getByLabel("Title", { exact: true }).fill("A report on claims");
    await page.getByLabel("Date", { exact: true }).fill("March 2026");
    await page.getByRole("button", { name: "Add and cite" }).click();
    await expect(page.getByLabel("Date", { exact: true })).toHaveAccessibleDescription("Write dates as YYYY, YYYY-MM or YYYY-MM-DD.");
    await page.getByLabel("Date", { exact: true }).fill("2026-03");
    await page.getByRole("button", { name: "Add and cite" }).click();
    await expect(box.locator("sup.citation")).toHaveAttribute("data-number", "1");
    await page.getByRole("button", { name: "Save" }).click();
    const references = page.getByRole("region", { name: "References" });
    await expect(references).toContainText("A report on claims");
    await expect(references.getByRole("link", { name: "https://example.org/report-2026" })).toHaveAttribute("href", "https://example.org/report-2026");
  });

  test("a script typed into the editor is kept as text and never runs", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `script_${Date.now()}`;
    const box = await openEditor(page, pageId);
    await box.click();
    const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
    await page.keyboard.type(hostile);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
    await expect(page.locator(".article-body")).toContainText(hostile);
    await expect(page.locator(".article-body img, .article-body script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("readers and visitors are refused", async ({ page, makeAccount, signInAs }) => {
    await page.goto("/wiki/gpt_5_2/edit");
    await expect(page.getByText("to edit this page.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", "/login?callbackUrl=%2Fwiki%2Fgpt_5_2%2Fedit");
    await expect(page.getByRole("textbox", { name: /^Text of/ })).toHaveCount(0);

    await signInAs(page, await makeAccount("reader"));
    await page.goto("/wiki/gpt_5_2/edit");
    await expect(page.getByText("Your account can read but not edit pages.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^Text of/ })).toHaveCount(0);
  });

  test("an unsaved draft is offered back after a reload", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `draft_${Date.now()}`;
    const box = await openEditor(page, pageId);
    await box.click();
    await page.keyboard.type("Words that must not be lost.");
    // The draft is written a moment after typing stops, and the editor says when.
    await expect(page.locator(".editor-status")).toHaveText(/^Draft saved \d\d:\d\d$/);
    // On a busy machine a pause inside the typing keeps a draft of part of it first: wait for all of it.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", `palimpsest:draft:${pageId}`)).toContain("Words that must not be lost.");
    page.once("dialog", (dialog) => dialog.accept());
    await page.reload();
    await page.getByRole("button", { name: "Restore draft" }).click();
    await expect(page.getByRole("textbox", { name: /^Text of/ })).toContainText("Words that must not be lost.");
  });
});

test.describe("a source made in place", () => {
  // Cancelling the editor of a new page lands on its missing page, which answers 404.
  test.use({ expectedErrors: [/status of 404/] });

  test("joins the library only when the edit citing it is saved", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const tag = Date.now();
    // The library, read in a tab of its own while the editor stays open.
    const library = await page.context().newPage();
    const inLibrary = async (title: string) => {
      await library.goto(`/sources?q=${encodeURIComponent(title)}`);
      await expect(library.getByRole("heading", { level: 1 })).toBeVisible();
      return library.getByRole("link", { name: title, exact: true }).count();
    };
    const addAndCite = async (pageId: string, title: string) => {
      const box = await openEditor(page, pageId);
      await box.click();
      await page.keyboard.type("A claim.");
      await page.getByRole("button", { name: "Cite" }).click();
      await page.getByRole("button", { name: "New source…" }).click();
      await page.getByLabel("Address (URL)").fill(`https://example.org/${title.replaceAll(" ", "-")}`);
      await page.getByLabel("Title", { exact: true }).fill(title);
      await page.getByRole("button", { name: "Add and cite" }).click();
      await expect(box.locator("sup.citation")).toHaveAttribute("data-number", "1");
    };

    // Cancelled: the editor asks first, and leaves nothing in the library.
    await addAndCite(`cancelled_${tag}`, `Cancelled source ${tag}`);
    expect(await inLibrary(`Cancelled source ${tag}`)).toBe(0);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("link", { name: "Cancel", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/cancelled_${tag}`);
    expect(await inLibrary(`Cancelled source ${tag}`)).toBe(0);

    // Saved: the source is in the library.
    await addAndCite(`saved_${tag}`, `Saved source ${tag}`);
    expect(await inLibrary(`Saved source ${tag}`)).toBe(0);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/saved_${tag}`);
    expect(await inLibrary(`Saved source ${tag}`)).toBe(1);
  });
});

test.describe("two people editing one page", () => {
  async function twoEditors(
    browser: import("@playwright/test").Browser,
    makeAccount: (role: "editor") => Promise<import("../lib/wiki/accounts").Account>,
    signInAs: (page: Page, a: import("../lib/wiki/accounts").Account) => Promise<void>,
    baseURL: string,
  ) {
    const pages: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signInAs(page, await makeAccount("editor"));
      pages.push(page);
    }
    return pages;
  }

  async function seedPage(page: Page, pageId: string) {
    const box = await openEditor(page, pageId);
    await box.click();
    await page.keyboard.type("First paragraph.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Second paragraph.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Third paragraph.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
  }

  test("changes to different paragraphs merge", async ({ browser, makeAccount, signInAs, baseURL }) => {
    const [ada, bob] = await twoEditors(browser, makeAccount, signInAs, baseURL!);
    const pageId = `merge_${Date.now()}`;
    await seedPage(ada, pageId);
    await openEditor(ada, pageId);
    await openEditor(bob, pageId);

    await endOf(ada, "First paragraph.");
    await ada.keyboard.type(" Ada was here.");
    await endOf(bob, "Third paragraph.");
    await bob.keyboard.type(" Bob was here.");
    await ada.getByRole("button", { name: "Save" }).click();
    await expect(ada).toHaveURL(`/wiki/${pageId}`);
    await bob.getByRole("button", { name: "Save" }).click();
    await expect(bob).toHaveURL(`/wiki/${pageId}`);
    await expect(bob.locator(".article-body")).toContainText("First paragraph. Ada was here.");
    await expect(bob.locator(".article-body")).toContainText("Third paragraph. Bob was here.");
    await expect(bob.locator(".article-meta")).toContainText("Revision 3");
  });

  test("changes to the same paragraph open the conflict screen, and nothing is lost", async ({ browser, makeAccount, signInAs, baseURL }) => {
    const [ada, bob] = await twoEditors(browser, makeAccount, signInAs, baseURL!);
    const pageId = `conflict_${Date.now()}`;
    await seedPage(ada, pageId);
    await openEditor(ada, pageId);
    await openEditor(bob, pageId);

    await endOf(ada, "Second paragraph.");
    await ada.keyboard.type(" Ada's ending.");
    await endOf(bob, "Second paragraph.");
    await bob.keyboard.type(" Bob's ending.");
    await ada.getByRole("button", { name: "Save" }).click();
    await expect(ada).toHaveURL(`/wiki/${pageId}`);
    await bob.getByRole("button", { name: "Save" }).click();

    // The panel takes the focus, and marks the words that differ in each version.
    const conflict = bob.getByRole("region", { name: "Your edit conflicts with revision 2" });
    await expect(conflict).toBeFocused();
    const [mine, theirs] = [conflict.locator(".conflict-text").first(), conflict.locator(".conflict-text").last()];
    await expect(mine).toContainText("Second paragraph. [only in your version: Bob's] ending.");
    await expect(mine.locator("ins")).toContainText("Bob");
    await expect(mine.locator("del")).toHaveCount(0);
    await expect(theirs).toContainText("Second paragraph. [only in their version: Ada's] ending.");
    await expect(theirs.locator("del")).toContainText("Ada");
    await conflict.getByRole("button", { name: "Continue with my version of these passages" }).click();
    await expect(bob.getByText("Now editing on top of revision 2.")).toBeVisible();
    await bob.getByRole("button", { name: "Save" }).click();
    await expect(bob).toHaveURL(`/wiki/${pageId}`);
    await expect(bob.locator(".article-body")).toContainText("Second paragraph. Bob's ending.");
    await expect(bob.locator(".article-meta")).toContainText("Revision 3");
  });
});
