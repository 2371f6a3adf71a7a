import type { DocumentJSON } from "../lib/content/document";
import { savePageRevision } from "../lib/wiki/revisions";
import { endOf, openEditor, saveEdit } from "./editor";
import { expect, test } from "./fixtures";

const paragraph = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test.describe("page history", () => {
  test("edit twice, compare the first and last revisions, revert, and read the old text again", async ({ page, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const pageId = `history_${Date.now()}`;

    const box = await openEditor(page, pageId);
    await box.click();
    await page.keyboard.type("The quick brown fox jumps.");
    await saveEdit(page, pageId, "First words");
    await openEditor(page, pageId);
    await endOf(page, "The quick brown fox jumps.");
    for (let i = 0; i < "jumps.".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("sleeps.");
    await saveEdit(page, pageId, "The fox rests");
    await openEditor(page, pageId);
    await endOf(page, "The quick brown fox sleeps.");
    await page.keyboard.type(" It was late.");
    await saveEdit(page, pageId, "When");

    await page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "History" }).click();
    const rows = page.getByRole("table", { name: /^Revisions of/ }).locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("When");
    await expect(rows.first()).toContainText(editor.name);
    await page.getByLabel("Compare from revision 1").check();
    await page.getByLabel("Compare to revision 3").check();
    await page.getByRole("button", { name: "Compare selected revisions" }).click();

    await expect(page).toHaveURL(new RegExp(`/wiki/${pageId}/diff\\?`));
    expect(new URL(page.url()).searchParams.get("from")).toBe("1");
    expect(new URL(page.url()).searchParams.get("to")).toBe("3");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("revision 1 → 3");
    await expect(page.locator(".diff-body del")).toHaveText(["[deleted: jumps]"]);
    await expect(page.locator(".diff-body ins")).toHaveText(["[inserted: sleeps]", "[inserted: It was late.]"]);
    await page.getByRole("link", { name: "Side by side" }).click();
    await expect(page.getByRole("table", { name: /Revision 1 on the left/ }).locator("del")).toHaveText(["[deleted: jumps]"]);

    await page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "History" }).click();
    await rows.filter({ hasText: "First words" }).getByRole("link", { name: "revert to" }).click();
    // What the revert changes, shown before it is done, and a reason for the summary.
    const preview = page.getByRole("region", { name: "What this changes" });
    await expect(preview.locator("del")).toHaveText(["[deleted: sleeps]", "[deleted: It was late.]"]);
    await expect(preview.locator("ins")).toHaveText(["[inserted: jumps]"]);
    await page.getByLabel(/^Why/).fill("the fox was awake");
    await page.getByRole("button", { name: "Revert" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}/history?saved=4`);
    await expect(page.getByRole("status").filter({ hasText: "Saved as revision" })).toContainText(/Saved as revision 4: Reverted to revision 1 by .+: the fox was awake\./);
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toContainText("Reverted to revision 1 by");

    await page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "Read" }).click();
    await expect(page.locator(".article-body")).toHaveText("The quick brown fox jumps.");
  });

  test.describe("for anonymous readers", () => {
    test("history, old revisions and diffs can be read, also without JavaScript, but not reverted", async ({ browser, db, makeAccount, baseURL }) => {
      const author = await makeAccount("editor");
      const pageId = `read_history_${Date.now()}`;
      const first = await savePageRevision(db, { pageId, doc: paragraph("Original wording here."), authorId: author.id, summary: "Start", baseRevisionId: null });
      await savePageRevision(db, { pageId, doc: paragraph("Revised wording here."), authorId: author.id, summary: "Reword", baseRevisionId: first.revisionId });

      const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/wiki/${pageId}/history`);
      await expect(page.getByRole("link", { name: "revert to" })).toHaveCount(0);
      await page.getByRole("button", { name: "Compare selected revisions" }).click();
      await expect(page.locator(".diff-body del")).toHaveText(["[deleted: Original]"]);
      await expect(page.locator(".diff-body ins")).toHaveText(["[inserted: Revised]"]);

      await page.goto(`/wiki/${pageId}?rev=1`);
      await expect(page.getByRole("complementary", { name: "Which revision this is" })).toContainText("This is an old revision of this page");
      await expect(page.locator(".article-body")).toHaveText("Original wording here.");
      await page.getByRole("link", { name: "Newer revision →" }).click();
      await expect(page.locator(".article-body")).toHaveText("Revised wording here.");
      await expect(page.getByRole("complementary", { name: "Which revision this is" })).toContainText("This is the current revision");

      await page.goto(`/wiki/${pageId}/revert?mode=revert&number=1`);
      await expect(page.getByRole("button", { name: "Revert" })).toHaveCount(0);
      await expect(page.getByRole("alert")).toContainText("Sign in to revert or undo.");
      await context.close();
    });
  });

  test("a diff keeps the space before a link, in place and side by side", async ({ page, db, makeAccount }) => {
    const author = await makeAccount("editor");
    const pageId = `spaced_links_${Date.now()}`;
    const link = (text: string, target: string) => ({ type: "text", text, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] });
    const sentence = (verb: string): DocumentJSON => ({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "GPT-5.2 was developed by " },
            link("OpenAI", "openai"),
            { type: "text", text: ` and ${verb} as ` },
            link("Claude Opus 4.5", "claude_opus_4_5"),
            { type: "text", text: "'s rival." },
          ],
        },
      ],
    });
    const first = await savePageRevision(db, { pageId, doc: sentence("released"), authorId: author.id, summary: "", baseRevisionId: null });
    await savePageRevision(db, { pageId, doc: sentence("marketed"), authorId: author.id, summary: "", baseRevisionId: first.revisionId });

    for (const view of ["inline", "side"]) {
      await page.goto(`/wiki/${pageId}/diff?from=1&to=2&view=${view}`);
      const changed = page.locator(".diff-body, .diff-table");
      await expect(changed).toContainText("developed by OpenAI");
      await expect(changed).toContainText("as Claude Opus 4.5");
      await expect(changed).not.toContainText("byOpenAI");
      await expect(changed).not.toContainText("asClaude");
    }
  });

  test("recent changes list edits, filter them and offer them as Atom", async ({ page, db, makeAccount }) => {
    const author = await makeAccount("editor");
    const stamp = Date.now();
    await savePageRevision(db, { pageId: `recent:page_${stamp}`, doc: paragraph("In a namespace."), authorId: author.id, summary: `namespaced ${stamp}`, baseRevisionId: null });
    await savePageRevision(db, {
      pageId: `recent_top_${stamp}`,
      doc: paragraph("At the top."),
      authorId: author.id,
      summary: `minor change ${stamp}`,
      minor: true,
      baseRevisionId: null,
    });

    await page.goto("/recent");
    await expect(page.getByText(`namespaced ${stamp}`)).toBeVisible();
    await expect(page.getByText(`minor change ${stamp}`)).toBeVisible();
    await page.getByLabel("Author").fill(author.name);
    await page.getByLabel("Hide minor edits").check();
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page.getByText(`namespaced ${stamp}`)).toBeVisible();
    await expect(page.getByText(`minor change ${stamp}`)).toHaveCount(0);
    await page.getByLabel("Namespace").selectOption("recent");
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page.locator(".change-list li")).toHaveCount(1);

    const feed = await page.request.get(`/recent/feed?author=${encodeURIComponent(author.name)}`);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain(`namespaced ${stamp}`);
    expect(xml).toContain(`minor change ${stamp}`);
    // Its links use the address readers reach the site at, never the one the server listens on.
    const port = new URL(page.url()).port;
    const proxied = await (await page.request.get(`/recent/feed?author=${encodeURIComponent(author.name)}`, { headers: { host: `wiki.example:${port}` } })).text();
    expect(proxied).toContain(`http://wiki.example:${port}/recent/feed`);
    expect(proxied).toContain(`http://wiki.example:${port}/wiki/recent_top_${stamp}`);
    expect(proxied).not.toMatch(/0\.0\.0\.0|127\.0\.0\.1/);
  });

  test("an administrator renames a page, and its old address leads to it at once", async ({ page, request, db, makeAccount, signInAs }) => {
    const admin = await makeAccount("admin");
    await signInAs(page, admin);
    const pageId = `to_rename_${Date.now()}`;
    await savePageRevision(db, { pageId, doc: paragraph("Text that moves."), authorId: admin.id, summary: "Start", baseRevisionId: null });
    // Read once anonymously, so the old address is in the reading cache when the rename lands.
    expect(await (await request.get(`/wiki/${pageId}`)).text()).toContain("Text that moves.");

    await page.goto(`/wiki/${pageId}/history`);
    await page.getByText("Rename this page").click();
    await page.getByLabel("New page id").fill(`${pageId}_renamed`);
    await page.getByLabel("Title", { exact: true }).fill("Renamed page");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}_renamed/history`);
    await expect(
      page
        .getByRole("table", { name: /^Revisions of/ })
        .locator("tbody tr")
        .first(),
    ).toContainText(`Moved from ${pageId} to ${pageId}_renamed`);

    await page.goto(`/wiki/${pageId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renamed page");
    await expect(page.getByText(`(Redirected from ${pageId})`)).toBeVisible();
    await expect(page.locator(".article-body")).toHaveText("Text that moves.");
    const anonymous = (await (await request.get(`/wiki/${pageId}`)).text()).replaceAll("<!-- -->", "");
    expect(anonymous).toContain(`(Redirected from ${pageId})`);
    expect(anonymous).toContain("Renamed page");
  });
});
