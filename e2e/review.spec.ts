import type { Browser, Page } from "@playwright/test";
import type { DocumentJSON } from "../lib/content/document";
import type { Account } from "../lib/wiki/accounts";
import { setReviewPolicy } from "../lib/wiki/review";
import { savePageRevision } from "../lib/wiki/revisions";
import { endOf, openEditor } from "./editor";
import { expect, test } from "./fixtures";

const paragraph = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function browserAs(browser: Browser, baseURL: string, signInAs: (page: Page, account: Account) => Promise<void>, account: Account | null) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  if (account) await signInAs(page, account);
  return page;
}

test.describe("reviewing", () => {
  test("an edit waits for review, a reviewer approves it from the queue, and readers then see it", async ({ browser, baseURL, db, makeAccount, signInAs }) => {
    const [admin, editor, reviewer] = [await makeAccount("admin"), await makeAccount("editor"), await makeAccount("reviewer")];
    const pageId = `reviewed_${Date.now()}`;
    await savePageRevision(db, { pageId, doc: paragraph("Approved text."), authorId: admin.id, summary: "Start", baseRevisionId: null, selfApproved: true });
    await setReviewPolicy(db, admin, { pageId, policy: "required" });

    // A second page waits too, so the queue has a next page to offer after the first decision.
    const other = `reviewed_next_${Date.now()}`;
    const otherFirst = await savePageRevision(db, { pageId: other, doc: paragraph("Other text."), authorId: admin.id, summary: "Start", baseRevisionId: null, selfApproved: true });
    await setReviewPolicy(db, admin, { pageId: other, policy: "required" });
    await savePageRevision(db, { pageId: other, doc: paragraph("Other text, changed."), authorId: editor.id, summary: "Change", baseRevisionId: otherFirst.revisionId });

    const editing = await browserAs(browser, baseURL!, signInAs, editor);
    await openEditor(editing, pageId);
    // Told before saving, beside the button.
    await expect(editing.getByRole("button", { name: "Save" })).toHaveAccessibleDescription(/Your edit will wait for review/);
    await endOf(editing, "Approved text.");
    await editing.keyboard.type(" Pending addition.");
    await editing.getByRole("button", { name: "Save" }).click();
    await expect(editing).toHaveURL(`/wiki/${pageId}?rev=2`);
    await expect(editing.getByRole("complementary", { name: "Which revision this is" })).toContainText("It is waiting for review: readers see revision 1.");

    const reading = await browserAs(browser, baseURL!, signInAs, null);
    await reading.goto(`/wiki/${pageId}`);
    await expect(reading.locator(".article-body")).toHaveText("Approved text.");
    // Text waiting for review is for signed-in accounts (the default): not in ?rev=, diffs, the API or exports.
    await reading.goto(`/wiki/${pageId}?rev=2`);
    await expect(reading.getByText("Revision 2 is waiting for review: sign in to read it.")).toBeVisible();
    await expect(reading.locator("main")).not.toContainText("Pending addition");
    await reading.goto(`/wiki/${pageId}/diff?from=1&to=2`);
    await expect(reading.getByText("Revision 2 is waiting for review: sign in to read it.")).toBeVisible();
    const current = await (await reading.request.get(`/api/pages/${pageId}`)).json();
    expect(current).toMatchObject({ revision: { number: 1 }, publishedNumber: 1, doc: paragraph("Approved text.") });
    expect(await (await reading.request.get(`/api/pages/${pageId}?format=dokuwiki`)).text()).not.toContain("Pending addition");
    expect((await reading.request.get(`/api/pages/${pageId}/revisions/2`)).status()).toBe(401);

    const reviewing = await browserAs(browser, baseURL!, signInAs, reviewer);
    await reviewing.goto(`/wiki/${pageId}`);
    await expect(reviewing.getByRole("status").filter({ hasText: "Newer revisions wait for review" })).toBeVisible();
    await reviewing.goto("/review");
    const entry = reviewing.getByRole("region", { name: pageId.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) });
    await expect(entry.locator("ins")).toHaveText(["[inserted: Pending addition.]"]);
    // Rejecting is not the main action beside approving.
    await expect(entry.getByRole("button", { name: "Reject" })).toHaveClass(/secondary/);
    await entry.getByRole("button", { name: "Approve" }).click();
    await expect(entry).toHaveCount(0);
    const done = reviewing.getByRole("status").filter({ hasText: "Approved: readers now see revision 2 of" });
    await expect(done).toContainText(pageId.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()));
    await expect(done.getByRole("link")).toHaveText((await reviewing.locator("#queue-0").innerText()).trim());

    await reading.goto(`/wiki/${pageId}`);
    await expect(reading.locator(".article-body")).toHaveText("Approved text. Pending addition.");
    // Approved, revision 2 is everyone's to read, though its notice was kept for anonymous readers.
    await reading.goto(`/wiki/${pageId}?rev=2`);
    await expect(reading.locator(".article-body")).toHaveText("Approved text. Pending addition.");
    await reading.goto(`/wiki/${pageId}/history`);
    await expect(reading.getByRole("region", { name: "Reviews" })).toContainText(`${reviewer.name} approved revision 2`);
  });

  test("a rejected edit never reaches readers, and its author reads why", async ({ browser, baseURL, db, makeAccount, signInAs }) => {
    const [admin, editor, reviewer] = [await makeAccount("admin"), await makeAccount("editor"), await makeAccount("reviewer")];
    const pageId = `rejected_${Date.now()}`;
    const first = await savePageRevision(db, { pageId, doc: paragraph("Careful text."), authorId: admin.id, summary: "Start", baseRevisionId: null, selfApproved: true });
    await setReviewPolicy(db, admin, { pageId, policy: "required" });
    await savePageRevision(db, { pageId, doc: paragraph("Careless text."), authorId: editor.id, summary: "Rewrite", baseRevisionId: first.revisionId });

    const reviewing = await browserAs(browser, baseURL!, signInAs, reviewer);
    await reviewing.goto("/review");
    const entry = reviewing.getByRole("region", { name: pageId.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) });
    await entry.getByLabel("Why (its author will read this)").fill("Needs a source");
    await entry.getByRole("button", { name: "Reject" }).click();
    await expect(entry).toHaveCount(0);
    await expect(reviewing.getByRole("status").filter({ hasText: "Rejected revision 2 of" })).toContainText("its author is told why");

    const reading = await browserAs(browser, baseURL!, signInAs, null);
    await reading.goto(`/wiki/${pageId}`);
    await expect(reading.locator(".article-body")).toHaveText("Careful text.");
    await reading.goto(`/wiki/${pageId}/history`);
    await expect(
      reading
        .getByRole("table", { name: /^Revisions of/ })
        .locator("tbody tr")
        .nth(1),
    ).toContainText("(rejected)");

    // The author's header counts the unread notification, which names the page by its title.
    const author = await browserAs(browser, baseURL!, signInAs, editor);
    await author.goto(`/wiki/${pageId}`);
    await author.getByRole("link", { name: "Notifications, 1 unread" }).click();
    const title = pageId.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
    await expect(author.getByRole("link", { name: `${reviewer.name} rejected revision 2 of “${title}”: Needs a source` })).toBeVisible();
    await author.getByRole("button", { name: "Mark all as read" }).click();
    await expect(author.getByText("Nothing new.")).toBeVisible();
    await author.reload();
    await expect(author.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  });

  test("an editor watches a page and finds its changes on the watchlist", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    const pageId = `watched_${Date.now()}`;
    await savePageRevision(db, { pageId, doc: paragraph("Worth watching."), authorId: editor.id, summary: `started ${pageId}`, baseRevisionId: null });
    await signInAs(page, editor);
    await page.goto(`/wiki/${pageId}`);
    await page.getByRole("button", { name: "Watch" }).click();
    await expect(page.getByRole("button", { name: "Unwatch" })).toHaveAttribute("aria-pressed", "true");
    await page.goto("/watchlist");
    await expect(page.getByRole("region", { name: "Recent changes" })).toContainText(`started ${pageId}`);
  });
});
