import { randomBytes } from "node:crypto";
import type { DocumentJSON, NodeJSON } from "../lib/content/document";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

const text = (value: string): NodeJSON => ({ type: "text", text: value });
const linkTo = (target: string): NodeJSON => ({ type: "text", text: target, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content }] });

test("from the navigation to a namespace's pages, and from a wanted page to what links to it", async ({ page, db, makeAccount, request }) => {
  // A namespace only this test's pages are in.
  const ns = `idx${randomBytes(4).toString("hex")}`;
  const author = await makeAccount("admin");
  for (const [name, title] of [
    ["alpha", "Alpha"],
    ["beta", "Beta"],
  ]) {
    await savePageRevision(db, {
      pageId: `${ns}:${name}`,
      title,
      doc: doc(text("See "), linkTo(`${ns}:wanted_one`), text(".")),
      authorId: author.id,
      summary: "",
      selfApproved: true,
    });
  }

  await page.goto("/");
  const site = page.getByRole("navigation", { name: "Site" });
  await site.getByRole("link", { name: "All pages" }).click();
  await expect(page).toHaveURL("/pages");
  await page.getByRole("navigation", { name: "Namespaces" }).getByRole("link", { name: ns, exact: true }).click();
  await expect(page).toHaveURL(`/pages?namespace=${ns}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`All pages in ${ns}`);
  await expect(page.getByRole("list", { name: "Pages" }).getByRole("link")).toHaveText(["Alpha", "Beta"]);
  await page.getByRole("link", { name: "Beta" }).click();
  await expect(page).toHaveURL(`/wiki/${ns}:beta`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beta");

  await site.getByRole("link", { name: "All pages" }).click();
  await page.getByRole("navigation", { name: "Page indexes" }).getByRole("link", { name: "Wanted pages" }).click();
  await expect(page).toHaveURL("/pages/wanted");
  await page.getByRole("navigation", { name: "Namespaces" }).getByRole("link", { name: ns, exact: true }).click();
  const wanted = page.getByRole("list", { name: "Wanted pages" }).getByRole("listitem");
  await expect(wanted).toHaveCount(1);
  await expect(wanted).toContainText(`Wanted one ${ns}:wanted_one (2 links)`);
  await wanted.getByRole("link", { name: `2 links to ${ns}:wanted_one` }).click();
  await expect(page).toHaveURL(`/wiki/${ns}:wanted_one/backlinks`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What links to Wanted one");
  await expect(page.getByRole("list").filter({ hasText: "Alpha" }).getByRole("link")).toHaveText(["Alpha", "Beta"]);

  // A random page is a redirect to a live article, chosen anew each time.
  const random = await request.get("/random", { maxRedirects: 0 });
  expect(random.status()).toBe(307);
  expect(random.headers().location).toMatch(/^\/wiki\/[^/]+$/);
});
