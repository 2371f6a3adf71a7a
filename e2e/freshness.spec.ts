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

  test("after a rename, the old address leads to the renamed page and the new one shows it", async ({ page, request, db, makeAccount, signInAs }) => {
    const admin = await makeAccount("admin");
    await signInAs(page, admin);
    const pageId = `fresh_rename_${Date.now()}`;
    await savePageRevision(db, { pageId, doc: doc("Text that moves."), authorId: admin.id, summary: "Start", baseRevisionId: null });
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) expect(html).toContain("Text that moves.");

    await page.goto(`/wiki/${pageId}/history`);
    await page.getByText("Rename this page").click();
    await page.getByLabel("New page id").fill(`${pageId}_moved`);
    await page.getByLabel("Title").fill("Moved page");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page).toHaveURL(`/wiki/${pageId}_moved/history`);

    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) {
      expect(html).toContain("Moved page");
      expect(html).toContain(`(Redirected from ${pageId})`);
    }
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}_moved`)) expect(html).toContain("Moved page");
  });

  test("a command-line import while the server runs shows at once", async ({ page, request, makeAccount, signInAs }, testInfo) => {
    await signInAs(page, await makeAccount("reader"));
    const pageId = `fresh_import_${Date.now()}`;
    const folder = await mkdtemp(path.join(tmpdir(), "palimpsest-import-"));
    const file = path.join(folder, `${pageId}.txt`);
    const importFile = async (text: string) => {
      await writeFile(file, `====== Imported page ======\n\n${text}\n`);
      await promisify(execFile)("npx", ["tsx", "scripts/wiki.ts", "import", file], { env: { ...process.env, DATABASE_URL: String(testInfo.project.metadata.databaseUrl) } });
    };

    await importFile("The first import.");
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) expect(html).toContain("The first import.");
    await importFile("The second import.");
    for (const html of await readBoth(request, page.request, `/wiki/${pageId}`)) {
      expect(html).toContain("The second import.");
      expect(html).not.toContain("The first import.");
    }
  });
});
