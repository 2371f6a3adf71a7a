import type { APIRequestContext } from "@playwright/test";
import type { Db } from "../lib/db";
import type { Account } from "../lib/wiki/accounts";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { setReviewPolicy } from "../lib/wiki/review";
import { expect, test } from "./fixtures";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]) => ({ type: "doc", content: texts.map(paragraph) });

async function tokenFor(db: Db, admin: Account, account: Account) {
  return (await issueApiToken(db, admin, { userId: account.id, name: "test" })).token;
}

async function save(request: APIRequestContext, pageId: string, token: string | null, body: unknown) {
  return request.post(`/api/pages/${pageId}/revisions`, { data: body, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

test.describe("the pages API", () => {
  test("reads the current revision and saves new ones with the editor's rules", async ({ request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const token = await tokenFor(db, admin, await makeAccount("editor"));
    const pageId = `api_${Date.now()}`;

    const created = await save(request, pageId, token, { doc: doc("one", "two", "three"), summary: "Start", baseRevisionId: null });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ status: "created", merged: false, revision: { number: 1 } });

    const read = await request.get(`/api/pages/${pageId}`);
    expect(read.status()).toBe(200);
    const current = await read.json();
    expect(current).toMatchObject({ pageId, revision: { number: 1 }, doc: doc("one", "two", "three") });

    const unchanged = await save(request, pageId, token, { doc: doc("one", "two", "three"), baseRevisionId: current.revision.id });
    expect(unchanged.status()).toBe(200);
    expect((await unchanged.json()).status).toBe("unchanged");

    // Two saves from the same base: paragraphs apart merge, the same paragraph conflicts.
    const first = await save(request, pageId, token, { doc: doc("ONE", "two", "three"), baseRevisionId: current.revision.id });
    expect(first.status()).toBe(201);
    const merged = await save(request, pageId, token, { doc: doc("one", "two", "THREE"), baseRevisionId: current.revision.id });
    expect(await merged.json()).toMatchObject({ status: "created", merged: true, revision: { number: 3 } });
    expect((await (await request.get(`/api/pages/${pageId}`)).json()).doc).toEqual(doc("ONE", "two", "THREE"));

    const conflict = await save(request, pageId, token, { doc: doc("uno", "two", "three"), baseRevisionId: current.revision.id });
    expect(conflict.status()).toBe(409);
    const body = await conflict.json();
    expect(body.error).toMatchObject({ code: "CONFLICT", latestNumber: 3, theirs: doc("ONE", "two", "THREE"), resolved: { mine: doc("uno", "two", "THREE") } });

    await expect((await request.get(`/wiki/${pageId}`)).text()).resolves.toContain("THREE");
  });

  test("gives any revision as DokuWiki markup, linked from the history", async ({ page, request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const token = await tokenFor(db, admin, await makeAccount("editor"));
    const pageId = `markup_${Date.now()}`;
    const bold = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and **not bold**" },
          ],
        },
      ],
    };
    await save(request, pageId, token, { doc: doc("First text."), title: "Markup test", summary: "Start", baseRevisionId: null });
    const current = await (await request.get(`/api/pages/${pageId}`)).json();
    expect((await save(request, pageId, token, { doc: bold, baseRevisionId: current.revision.id })).status()).toBe(201);

    const latest = await request.get(`/api/pages/${pageId}?format=dokuwiki`);
    expect(latest.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await latest.text()).toBe("====== Markup test ======\n\n**Bold** and %%**%%not bold%%**%%\n");
    expect(await (await request.get(`/api/pages/${pageId}?format=dokuwiki&revision=1`)).text()).toBe("====== Markup test ======\n\nFirst text.\n");
    const wrong = await request.get(`/api/pages/${pageId}?format=xml`);
    expect(wrong.status()).toBe(400);
    expect((await wrong.json()).error.message).toBe("The format is json or dokuwiki.");
    expect((await request.get(`/api/pages/${pageId}?format=dokuwiki&revision=9`)).status()).toBe(404);

    await page.goto(`/wiki/${pageId}/history`);
    await page.getByRole("link", { name: "DokuWiki markup" }).click();
    await expect(page.locator("body")).toContainText("**Bold** and %%**%%not bold%%**%%");
  });

  test("refuses hostile documents, strangers, readers and revoked tokens", async ({ request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const editorToken = await tokenFor(db, admin, await makeAccount("editor"));
    const readerToken = await tokenFor(db, admin, await makeAccount("reader"));
    const pageId = `api_refusals_${Date.now()}`;
    const hostile = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };

    const bad = await save(request, pageId, editorToken, { doc: hostile, baseRevisionId: null });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not an http\(s\), ftp, mailto or file address/);
    const unknown = await save(request, pageId, editorToken, { doc: { type: "doc", content: [{ type: "iframe" }] }, baseRevisionId: null });
    expect(unknown.status()).toBe(400);
    const malformed = await request.post(`/api/pages/${pageId}/revisions`, {
      data: "{not json",
      headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);

    expect((await save(request, pageId, null, { doc: doc("x"), baseRevisionId: null })).status()).toBe(401);
    expect((await save(request, pageId, readerToken, { doc: doc("x"), baseRevisionId: null })).status()).toBe(403);
    expect((await save(request, pageId, "pal_forged", { doc: doc("x"), baseRevisionId: null })).status()).toBe(401);
    expect((await request.get(`/api/pages/${pageId}`)).status()).toBe(404);
  });

  test("reads history, single revisions and diffs as JSON", async ({ request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const token = await tokenFor(db, admin, await makeAccount("editor"));
    const pageId = `api_history_${Date.now()}`;
    const first = await (await save(request, pageId, token, { doc: doc("The old words.", "Kept."), summary: "One", baseRevisionId: null })).json();
    await save(request, pageId, token, { doc: doc("The new words.", "Kept."), summary: "Two", baseRevisionId: first.revision.id });

    const history = await (await request.get(`/api/pages/${pageId}/revisions`)).json();
    expect(history.revisions.map((r: { number: number; summary: string }) => [r.number, r.summary])).toEqual([
      [2, "Two"],
      [1, "One"],
    ]);
    const one = await (await request.get(`/api/pages/${pageId}/revisions/1`)).json();
    expect(one).toMatchObject({ revision: { number: 1, summary: "One" }, doc: doc("The old words.", "Kept.") });
    const compared = await (await request.get(`/api/pages/${pageId}/revisions/compare?from=1&to=2`)).json();
    expect(compared.diff.changeCount).toBe(1);
    expect(compared.diff.rows[0].parts.map((p: { op: string; tokens: { text: string }[] }) => [p.op, p.tokens.map((t) => t.text).join("|")])).toEqual([
      ["equal", "The"],
      ["delete", "old"],
      ["insert", "new"],
      ["equal", "words|."],
    ]);
    expect((await request.get(`/api/pages/${pageId}/revisions/abc`)).status()).toBe(400);
    expect((await request.get(`/api/pages/${pageId}/revisions/9`)).status()).toBe(404);
    expect((await request.get(`/api/pages/${pageId}/revisions/compare?from=1`)).status()).toBe(400);
  });

  test("works the review queue with the same permission checks", async ({ request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const editorToken = await tokenFor(db, admin, await makeAccount("editor"));
    const reviewerToken = await tokenFor(db, admin, await makeAccount("reviewer"));
    const pageId = `api_review_${Date.now()}`;
    await save(request, pageId, reviewerToken, { doc: doc("Reviewed start."), baseRevisionId: null });
    await setReviewPolicy(db, admin, { pageId, policy: "required" });
    const base = (await (await request.get(`/api/pages/${pageId}`)).json()).revision.id;
    const saved = await (await save(request, pageId, editorToken, { doc: doc("Awaiting review."), summary: "Change", baseRevisionId: base })).json();
    expect(saved).toMatchObject({ status: "created", pending: true, revision: { number: 2 } });

    const queue = await (await request.get("/api/review")).json();
    const entry = queue.pages.find((p: { pageId: string }) => p.pageId === pageId);
    expect(entry).toMatchObject({ publishedNumber: 1, pending: [{ number: 2, summary: "Change" }] });

    const review = (token: string, body: unknown) => request.post(`/api/pages/${pageId}/revisions/2/review`, { data: body, headers: { authorization: `Bearer ${token}` } });
    expect((await review(editorToken, { decision: "approve" })).status()).toBe(403);
    expect((await review(reviewerToken, { decision: "reject" })).status()).toBe(400);
    expect((await review(reviewerToken, { decision: "maybe" })).status()).toBe(400);
    const approved = await review(reviewerToken, { decision: "approve", comment: "Fine" });
    expect(await approved.json()).toEqual({ decision: "approve", from: 2, to: 2 });
    expect((await review(reviewerToken, { decision: "approve" })).status()).toBe(409);
    expect((await (await request.get(`/api/pages/${pageId}`)).json()).publishedNumber).toBe(2);
  });
});

test.describe("requests from other sites", () => {
  test("a signed-in browser's cookie writes nothing for another site's page", async ({ page, makeAccount, signInAs, baseURL }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `cross_site_${Date.now()}`;
    const body = JSON.stringify({ doc: doc("planted"), baseRevisionId: null });
    const post = (headers: Record<string, string>) => page.request.post(`/api/pages/${pageId}/revisions`, { data: body, headers });

    // What another site's form or script can send: text/plain, from its own origin.
    const foreign = await post({ origin: "https://evil.test", "content-type": "text/plain" });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.code).toBe("FORBIDDEN");
    expect((await post({ origin: "https://evil.test", "content-type": "application/json" })).status()).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site", "content-type": "application/json" })).status()).toBe(403);
    // The site's own pages must still say what they send.
    const plain = await post({ origin: new URL(baseURL!).origin, "content-type": "text/plain" });
    expect(plain.status()).toBe(400);
    expect((await plain.json()).error.message).toMatch(/application\/json/);
    expect((await page.request.get(`/api/pages/${pageId}`)).status()).toBe(404);

    const own = await post({ origin: new URL(baseURL!).origin, "content-type": "application/json" });
    expect(own.status()).toBe(201);
  });

  test("a server action posted from another site is a clear 403", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const response = await page.request.post("/wiki/gpt_5_2/edit", {
      headers: { origin: "https://evil.test", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/another site/);
  });
});
