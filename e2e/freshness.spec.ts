import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const identity = { "accept-encoding": "identity" };

/** The page's HTML as an anonymous reader and as a signed-in one get it (without React's text separators). */
async function readBoth(anonymous: APIRequestContext, signedIn: APIRequestContext, path: string) {
  return Promise.all([anonymous, signedIn].map(async (client) => (await (await client.get(path, { headers: identity })).text()).replaceAll("<!-- -->", "")));
}

test.describe("every reader sees the latest text", () => {
  test("three saves in quick succession, then a read shows the third", async ({ page, request, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const token = (await issueApiToken(db, await makeAccount("admin"), { userId: editor.id, name: "freshness" })).token;
    const pageId = `fresh_${Date.now()}`;
    const first = await savePageRevision(db, { pageId, doc: doc("version zero"), authorId: editor.id, summary: "Start", baseRevisionId: null });
    if (first.status !== "created") throw new Error("the page was not created");

    let base = first.revisionId;
    for (const version of ["one", "two", "three"]) {
      // Readers keep asking while the saves land, so renders are in flight at every invalidation.
      const reads = readBoth(request, page.request, `/wiki/${pageId}`);
      const saved = await request.post(`/api/pages/${pageId}/revisions`, {
        data: { doc: doc(`version ${version}`), baseRevisionId: base },
        headers: { authorization: `Bearer ${token}` },
      });
      expect(saved.status()).toBe(201);
      base = (await saved.json()).revision.id;
      await reads;
    }
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) {
      expect(html).toContain("version three");
      expect(html).not.toContain("version two");
    }
  });

  test("a command-line import while the server runs shows at once", async ({ page, request, db, makeAccount, signInAs }, testInfo) => {
    const reader = await makeAccount("reader");
    await signInAs(page, reader);
    const pageId = `fresh_import_${Date.now()}`;
    await savePageRevision(db, { pageId, doc: doc("The text before the import."), authorId: reader.id, summary: "Start", baseRevisionId: null });
    // Both readers have the page cached when the import lands.
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) expect(html).toContain("The text before the import.");

    // An anonymous reader's search is kept too, until a page changes.
    const word = `imported${Date.now()}`;
    const search = async () => (await (await request.get(`/search?q=${word}`, { headers: identity })).text()).replaceAll("<!-- -->", "");
    expect(await search()).toContain("No pages match.");
    expect(await search()).toContain("No pages match.");

    const file = path.join(await mkdtemp(path.join(tmpdir(), "palimpsest-import-")), `${pageId}.txt`);
    await writeFile(file, `====== Imported page ======\n\nThe imported text, with ${word}.\n`);
    await promisify(execFile)("npx", ["tsx", "scripts/wiki.ts", "import", file], { env: { ...process.env, DATABASE_URL: String(testInfo.project.metadata.databaseUrl) } });
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) {
      expect(html).toContain(`The imported text, with ${word}.`);
      expect(html).not.toContain("The text before the import.");
    }
    expect(await search()).toContain("1 page matches.");
    expect(await search()).toContain(`href="/wiki/${pageId}`);
  });

  test("signed-in readers' history and diffs are kept per role, and follow a role's change at once", async ({ page, request, browser, baseURL, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    const pageId = `fresh_role_${Date.now()}`;
    const first = await savePageRevision(db, { pageId, doc: doc("The first text."), authorId: editor.id, summary: "Start", baseRevisionId: null });
    if (first.status !== "created") throw new Error("the page was not created");
    await db.page.update({ where: { slug: pageId }, data: { reviewPolicy: "required" } });
    await savePageRevision(db, { pageId, doc: doc("The second text, with zebrafinches."), authorId: editor.id, summary: "More", baseRevisionId: first.revisionId });
    await signInAs(page, editor);

    // The text waiting for review: signed-in readers read it, twice (the second from the cache);
    // anonymous readers never get their copy.
    for (let read = 0; read < 2; read++) {
      await page.goto(`/wiki/${pageId}/diff?from=1&to=2`);
      await expect(page.getByRole("main")).toContainText("zebrafinches");
      const anonymous = await request.get(`/wiki/${pageId}/diff?from=1&to=2`, { headers: identity });
      const html = await anonymous.text();
      expect(html).toContain("sign in to read it");
      expect(html).not.toContain("zebrafinches");
    }

    const rename = page.getByRole("group").filter({ hasText: "Rename this page" });
    // The second read of each comes from the front cache, kept for editors.
    for (let read = 0; read < 2; read++) {
      await page.goto(`/wiki/${pageId}/history`);
      await expect(rename).toHaveCount(1);
      await expect(page.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
    }

    // An administrator makes the editor a reviewer, in another browser.
    const admin = await browser.newContext({ baseURL });
    const adminPage = await admin.newPage();
    await signInAs(adminPage, await makeAccount("admin"));
    const changeRole = async (role: string) => {
      await adminPage.goto("/admin/users");
      const row = adminPage.getByRole("row", { name: new RegExp(editor.name) });
      await row.getByRole("combobox", { name: `Role of ${editor.name}` }).selectOption(role);
      await row.getByRole("button", { name: "Change role" }).click();
      await expect.poll(async () => (await db.user.findUnique({ where: { id: editor.id }, select: { role: true } }))?.role).toBe(role);
    };
    await changeRole("reviewer");
    await page.goto(`/wiki/${pageId}/history`);
    await expect(page.getByRole("group").filter({ hasText: "Protect this page" })).toHaveCount(1);

    // Made a reader, they get no tools.
    await changeRole("reader");
    await page.goto(`/wiki/${pageId}/history`);
    await expect(page.getByRole("heading", { name: /^History of/ })).toBeVisible();
    await expect(rename).toHaveCount(0);
    await admin.close();
  });
});
