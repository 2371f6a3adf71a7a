import type { Page } from "@playwright/test";
import { endOf, openEditor } from "./editor";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

/** Types paragraphs into an empty editor, one after another. */
async function typeParagraphs(page: Page, ...paragraphs: string[]) {
  await page.getByRole("textbox", { name: /^Text of/ }).click();
  for (const [index, text] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(text);
  }
}

test.describe("the editor's toolbar", () => {
  test("is there as the editor opens, with named icon buttons that show their shortcuts", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const box = await openEditor(page, `toolbar_${Date.now()}`);
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    // Before any click into the text.
    const bold = toolbar.getByRole("button", { name: "Bold", exact: true });
    await expect(bold).toBeEnabled();
    await expect(bold).toHaveAttribute("title", "Bold (Ctrl+B)");
    await expect(bold).toHaveAttribute("aria-pressed", "false");
    await expect(toolbar.getByRole("button", { name: "Cite", exact: true })).toHaveAttribute("title", "Cite (Ctrl+Shift+C)");
    await expect(toolbar.getByRole("button", { name: "Wiki link", exact: true })).toHaveAttribute("title", "Wiki link (Ctrl+K)");
    await expect(toolbar.getByRole("button")).toHaveCount(17);
    // Icons are pictures only: every button is named by its label, not by the drawing.
    const icons = toolbar.locator("button > svg");
    await expect(icons).toHaveCount(17);
    for (const icon of await icons.all()) await expect(icon).toHaveAttribute("aria-hidden", "true");
    // The app's own sans-serif, not the body's serif that buttons inherit.
    expect(await bold.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);

    await bold.click();
    // The button hands the keyboard to the text (on the next frame), with bold on for what is typed.
    await expect(box).toBeFocused();
    await page.keyboard.type("Strong words");
    await expect(box.locator("strong")).toHaveText("Strong words");
    await expect(bold).toHaveAttribute("aria-pressed", "true");
  });
});

test.describe("citation coverage", () => {
  test("counts the uncited paragraphs of a new page as they are typed", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    await openEditor(page, `coverage_${Date.now()}`);
    const coverage = page.locator("details.citation-coverage");
    await expect(coverage.locator("summary")).toHaveText("No paragraphs to cite yet");
    await typeParagraphs(page, "A first claim without a source.", "A second claim without one either.");
    // Right as typing ends, read once without waiting: a count made after a pause in typing still showed the
    // empty page's count here ("Every paragraph cites a source"), which is what a walk-through saw.
    expect(await coverage.locator("summary").textContent()).toBe("2 paragraphs without a citation");
    await coverage.locator("summary").click();
    await expect(coverage.getByRole("listitem")).toHaveText(["Introduction: 2 of 2 paragraphs uncited"]);

    // Opening the list took the focus: back to the end of the text.
    await endOf(page, "A second claim without one either.");
    await page.keyboard.press("Enter");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Heading", exact: true }).click();
    await page.keyboard.type("Reception");
    await page.keyboard.press("Enter");
    await page.keyboard.type("A third claim, under a heading.");
    expect(await coverage.locator("summary").textContent()).toBe("3 paragraphs without a citation");
    await expect(coverage.getByRole("listitem")).toHaveText(["Introduction: 2 of 2 paragraphs uncited", "Reception: 1 of 1 paragraph uncited"]);
  });
});

test.describe("leaving and saving", () => {
  test("leaving a changed editor asks first; an unchanged one is left at once", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `leave_${Date.now()}`;
    await openEditor(page, pageId);
    const cancel = page.getByRole("link", { name: "Cancel" });
    // Nothing typed: no question (an unexpected dialog would be dismissed and keep the editor open).
    await cancel.click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);

    await openEditor(page, pageId);
    await typeParagraphs(page, "Words not yet saved.");
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await cancel.click();
    await expect.poll(() => asked).toHaveLength(1);
    expect(asked[0]).toContain("Leave the editor?");
    await expect(page).toHaveURL(`/wiki/${pageId}/edit`);
    await expect(page.getByRole("textbox", { name: /^Text of/ })).toContainText("Words not yet saved.");

    // A link in the site's header asks too; accepting follows it.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("banner").getByRole("link", { name: "Recent changes" }).click();
    await expect(page).toHaveURL("/recent");
  });

  test("closing the tab of a changed editor asks first", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    await openEditor(page, `close_${Date.now()}`);
    await typeParagraphs(page, "Words not yet saved.");
    const dialog = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe("beforeunload");
    await asked.dismiss();
    await expect(page.getByRole("textbox", { name: /^Text of/ })).toContainText("Words not yet saved.");
  });

  test("says when the draft was kept, and after saving which revision was made", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `saved_${Date.now()}`;
    await openEditor(page, pageId);
    await typeParagraphs(page, "The first words of a new page.");
    const status = page.locator(".editor-status");
    await expect(status).toHaveText(/^Draft saved \d\d:\d\d$/);
    // The time the draft was kept, as the site writes times (24-hour, UTC).
    const savedAt = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").savedAt as string, `palimpsest:draft:${pageId}`);
    await expect(status).toHaveText(`Draft saved ${savedAt.slice(11, 16)}`);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
    await expect(page.getByRole("status").filter({ hasText: "Saved as revision" })).toHaveText("Saved as revision 1.");
    // Said once: not again on the next visit.
    await page.reload();
    await expect(page.locator(".article-meta")).toContainText("Revision 1");
    await expect(page.getByText("Saved as revision")).toHaveCount(0);

    await openEditor(page, pageId);
    await page
      .getByRole("textbox", { name: /^Text of/ })
      .getByText("The first words of a new page.")
      .click();
    await page.keyboard.press("End");
    await page.keyboard.type(" More words.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
    await expect(page.getByRole("status").filter({ hasText: "Saved as revision" })).toHaveText("Saved as revision 2.");
  });
});

test.describe("the link panel", () => {
  test("links a typed title to the wanted page other articles already link to, not to a new id", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    await openEditor(page, `link_panel_${Date.now()}`);
    await typeParagraphs(page, "Its successor is ");
    await page.keyboard.press("ControlOrMeta+k");
    // The example article links to gpt_5_4, which is not written yet.
    await page.getByLabel("Page to link to").fill("GPT-5.4");
    await expect(page.getByText("Links to gpt_5_4, which does not exist yet.")).toBeVisible();
    await page.getByRole("button", { name: "Insert link" }).click();
    await expect(page.getByRole("textbox", { name: /^Text of/ }).locator("a", { hasText: "GPT-5.4" })).toHaveAttribute("href", "/wiki/gpt_5_4");
  });
});

test.describe("the tools' panels", () => {
  test("open beside the selection, also far down a long page, and stay on screen", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const pageId = `long_${Date.now()}`;
    const paragraphs = Array.from({ length: 40 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `Paragraph number ${i + 1} of a long page.` }] }));
    await savePageRevision(db, { pageId, doc: { type: "doc", content: paragraphs }, authorId: editor.id, summary: "", baseRevisionId: null });
    await openEditor(page, pageId);
    const last = page.getByRole("textbox", { name: /^Text of/ }).getByText("Paragraph number 40 of a long page.");
    await last.dblclick();
    for (const [shortcut, role, name] of [
      ["ControlOrMeta+k", "form", "Wiki link"],
      ["ControlOrMeta+Shift+c", "group", "Cite a source"],
    ] as const) {
      await page.keyboard.press(shortcut);
      const panel = page.getByRole(role, { name });
      await expect(panel).toBeInViewport();
      await expect(panel.locator("input").first()).toBeFocused();
      // Just below the selected word, or just above it when the screen ends first.
      const box = (await panel.boundingBox())!;
      const line = (await last.boundingBox())!;
      expect(box.y >= line.y + line.height ? box.y - (line.y + line.height) : line.y - (box.y + box.height)).toBeLessThan(40);
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await last.dblclick();
    }
  });
});

test.describe("links to missing pages", () => {
  test("are marked in the editor as readers see them, also when added while editing", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const stamp = Date.now();
    const [pageId, written, missing] = [`marked_${stamp}`, `written_${stamp}`, `unwritten_${stamp}`];
    const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    const link = (text: string, target: string) => ({ type: "text", text, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] });
    await savePageRevision(db, { pageId: written, doc: { type: "doc", content: [paragraph("A page that exists.")] }, authorId: editor.id, summary: "", baseRevisionId: null });
    const links = { type: "paragraph", content: [link("Written", written), { type: "text", text: " and " }, link("Unwritten", missing)] };
    await savePageRevision(db, { pageId, doc: { type: "doc", content: [links] }, authorId: editor.id, summary: "", baseRevisionId: null });

    const box = await openEditor(page, pageId);
    await expect(box.locator("a.wikilink", { hasText: "Unwritten" }).locator(".missing")).toHaveAttribute("title", `${missing} (page does not exist)`);
    await expect(box.locator("a.wikilink", { hasText: "Written" }).first().locator(".missing")).toHaveCount(0);

    // A link added now is looked up: to a wanted page, marked; to a written one, not.
    await endOf(page, "Unwritten");
    await page.keyboard.type(" then ");
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByLabel("Page to link to").fill(`another_missing_${stamp}`);
    await page.getByRole("button", { name: "Insert link" }).click();
    await expect(box.locator("a.wikilink", { hasText: `another_missing_${stamp}` }).locator(".missing")).toHaveCount(1);
    await page.keyboard.type(" and ");
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByLabel("Page to link to").fill(written);
    await page.getByRole("button", { name: "Insert link" }).click();
    await expect(box.locator("a.wikilink")).toHaveCount(4);
    await expect(box.locator("a.wikilink .missing")).toHaveCount(2);
  });
});

test.describe("the preview", () => {
  test("takes the text's place, from its top, and gives the text back as it was", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const box = await openEditor(page, `preview_${Date.now()}`);
    await typeParagraphs(page, "Words to see as readers will.");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.locator(".article-body")).toHaveText("Words to see as readers will.");
    await expect(preview.getByRole("heading", { name: "Preview" })).toBeFocused();
    // In place of the text and its toolbar, not under the form.
    await expect(box).toBeHidden();
    await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeHidden();
    const [previewTop, formTop] = await Promise.all([
      preview.evaluate((el) => el.getBoundingClientRect().top),
      page.locator(".save-form").evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(previewTop).toBeLessThan(formTop);

    await preview.getByRole("button", { name: "Back to editing" }).click();
    await expect(preview).toBeHidden();
    await expect(box).toBeFocused();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" More.");
    await expect(box).toHaveText("Words to see as readers will. More.");
  });
});

test.describe("a new page's title", () => {
  // The missing page's address answers 404, which the browser reports.
  test.use({ expectedErrors: [/status of 404/] });

  test("comes from the label of the link that led to it, and changes later without renaming", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const stamp = Date.now();
    const [from, missing] = [`linking_${stamp}`, `gpt_5_4_pro_${stamp}`];
    const linkTo = { type: "text", text: "GPT-5.4 Pro", marks: [{ type: "wikiLink", attrs: { target: missing, fragment: null } }] };
    await savePageRevision(db, { pageId: from, doc: { type: "doc", content: [{ type: "paragraph", content: [linkTo] }] }, authorId: editor.id, summary: "", baseRevisionId: null });

    await page.goto(`/wiki/${from}`);
    await page.getByRole("link", { name: "GPT-5.4 Pro (page does not exist)" }).click();
    await page.getByRole("link", { name: "Create this page" }).click();
    const title = page.getByLabel("Page title");
    await expect(title).toHaveValue("GPT-5.4 Pro");
    await typeParagraphs(page, "A model not yet released.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/${missing}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("GPT-5.4 Pro");
    // Its author watches it now (the editor's box was ticked).
    await expect(page.getByRole("button", { name: "Unwatch" })).toBeVisible();

    await openEditor(page, missing);
    await title.fill("GPT-5.4 Pro (language model)");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("GPT-5.4 Pro (language model)");
    await expect(page).toHaveURL(`/wiki/${missing}`);
  });
});

test.describe("watching the pages one edits", () => {
  test("is a preference on the watchlist that the editor's box follows", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    await page.goto("/watchlist");
    const preference = page.getByRole("checkbox", { name: "Add the pages I edit to my watchlist" });
    await expect(preference).toBeChecked();
    await preference.uncheck();
    await page.getByRole("button", { name: "Save preference" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();

    const pageId = `unwatched_${Date.now()}`;
    await openEditor(page, pageId);
    const box = page.getByRole("checkbox", { name: /^Watch this page/ });
    await expect(box).not.toBeChecked();
    await typeParagraphs(page, "Written, not watched.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}`);
    await expect(page.getByRole("button", { name: "Watch", exact: true })).toHaveAttribute("aria-pressed", "false");

    await page.goto("/watchlist");
    await expect(preference).not.toBeChecked();
  });
});
