import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createSource } from "../lib/wiki/sources";
import { savePageRevision } from "../lib/wiki/revisions";
import type { Account } from "../lib/wiki/accounts";
import type { Db } from "../lib/db";
import { expect, test } from "./fixtures";

/** A page of the site, and what to open on it first (a panel, a menu) before it is scanned. */
interface Stop {
  path: string;
  open?: (page: Page) => Promise<void>;
}

/** Axe's serious and critical findings on the page as it is, each as rule, impact and the places found. */
async function seriousViolations(page: Page, rules?: string[]) {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  const { violations } = await (rules ? axe.withRules(rules) : axe).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

/** The rules whose findings depend on colours: all that the dark scheme can change. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Visits each stop, checks it in light, then its colours again in dark (the scheme is a CSS media
 * query, applied without reloading), and fails with every serious finding of every page.
 */
async function scan(page: Page, stops: Stop[]) {
  const found: string[] = [];
  for (const stop of stops) {
    await page.emulateMedia({ colorScheme: "light" });
    const response = await page.goto(stop.path);
    expect(response?.status(), stop.path).toBeLessThan(500);
    await stop.open?.(page);
    for (const violation of await seriousViolations(page)) found.push(`light ${stop.path}: ${violation}`);
    await page.emulateMedia({ colorScheme: "dark" });
    for (const violation of await seriousViolations(page, COLOUR_RULES)) found.push(`dark ${stop.path}: ${violation}`);
  }
  expect(found).toEqual([]);
}

/** A page of its own with two revisions, a link to a missing page and a citation. */
async function pageWithHistory(db: Db, author: Account, stamp: string) {
  const pageId = `a11y_${stamp}`;
  const source = await createSource(db, author, { type: "webpage", title: `A source ${stamp}`, url: `https://example.org/a11y-${stamp}` });
  const paragraph = (...content: object[]) => ({ type: "paragraph", content });
  const text = (value: string) => ({ type: "text", text: value });
  const first = { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [text("History")] }, paragraph(text("First words."))] };
  const saved = await savePageRevision(db, { pageId, doc: first, authorId: author.id, summary: "Begin", baseRevisionId: null });
  const second = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [text("History")] },
      paragraph(
        text("First words, and more, said by "),
        { type: "text", text: "a missing page", marks: [{ type: "wikiLink", attrs: { target: `missing_${stamp}`, fragment: null } }] },
        text("."),
        { type: "citation", attrs: { sourceId: source.id, locator: "p. 4", quote: null } },
      ),
    ],
  };
  await savePageRevision(db, { pageId, doc: second, authorId: author.id, summary: "Add more", baseRevisionId: saved.revisionId });
  return { pageId, sourceId: source.id, missing: `missing_${stamp}` };
}

test.describe("accessibility", () => {
  // Missing pages answer 404, which the browser reports.
  test.use({ expectedErrors: [/status of 404/] });
  // Each page is scanned twice, and a long article takes axe seconds on a busy machine.
  test.describe.configure({ timeout: 240_000 });

  test("pages read without signing in have no serious or critical findings, light or dark", async ({ page, db, makeAccount }) => {
    const author = await makeAccount("editor");
    const stamp = `${Date.now()}`;
    const { pageId, sourceId, missing } = await pageWithHistory(db, author, stamp);
    await scan(page, [
      { path: "/" },
      { path: "/wiki/gpt_5_2" },
      { path: `/wiki/${pageId}` },
      { path: `/wiki/${pageId}/history` },
      { path: `/wiki/${pageId}/diff?from=1&to=2` },
      { path: `/wiki/${pageId}/diff?from=1&to=2&view=side` },
      { path: `/wiki/${pageId}/revisions/1` },
      { path: `/wiki/${pageId}/backlinks` },
      { path: `/wiki/${missing}` },
      { path: "/search?q=model" },
      { path: "/search?q=zzqx" },
      { path: "/recent" },
      { path: "/pages" },
      { path: "/pages/wanted" },
      { path: "/pages/orphaned" },
      { path: "/sources" },
      { path: `/sources/${sourceId}` },
      { path: "/media" },
      { path: `/user/${encodeURIComponent(author.name)}` },
      { path: "/login" },
      { path: "/signup" },
    ]);
  });

  test("an editor's pages have no serious or critical findings, light or dark", async ({ page, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    await signInAs(page, editor);
    const stamp = `${Date.now()}`;
    const { pageId, sourceId } = await pageWithHistory(db, editor, stamp);
    await scan(page, [
      { path: `/wiki/${pageId}` },
      { path: `/wiki/${pageId}/history` },
      { path: `/wiki/${pageId}/edit` },
      { path: `/wiki/${pageId}/edit`, open: (p) => p.getByRole("button", { name: "Wiki link", exact: true }).click() },
      {
        path: `/wiki/${pageId}/edit`,
        open: async (p) => {
          await p.getByRole("button", { name: "Cite", exact: true }).click();
          await p.getByRole("button", { name: "New source…" }).click();
        },
      },
      { path: `/wiki/new_${stamp}/edit` },
      { path: `/wiki/${pageId}/revert?mode=undo&number=2` },
      { path: `/sources/${sourceId}/edit` },
      { path: "/watchlist" },
      { path: "/notifications" },
      { path: "/media" },
    ]);
  });

  test("a reviewer's and an administrator's pages have no serious or critical findings, light or dark", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("reviewer"));
    await scan(page, [{ path: "/review" }, { path: "/review/log" }, { path: "/recent" }]);
    await signInAs(page, await makeAccount("admin"));
    await scan(page, [{ path: "/admin/users" }, { path: "/admin/settings" }]);
  });
});
