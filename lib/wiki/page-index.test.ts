import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON, NodeJSON } from "../content/document";
import { pageIdKey } from "../content/page-id";
import { type Account } from "./accounts";
import { deletePage, renamePage } from "./lifecycle";
import { linkSuggestions, listAllPages, listOrphanedPages, listPageNamespaces, listRecentlyChangedArticles, listWantedPages, pickRandomPage } from "./page-index";
import { savePageRevision } from "./revisions";
import { buildAccount } from "../../test/factories";

/** A namespace no other test uses, so each test sees only its own pages. */
const unique = () => `n${randomBytes(4).toString("hex")}`;
const text = (value: string): NodeJSON => ({ type: "text", text: value });
const link = (target: string): NodeJSON => ({ type: "text", text: target, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: content.length ? content : [text("Text.")] }] });

describeOnEachDatabase("page indexes", (database) => {
  let admin: Account | undefined;
  async function account() {
    admin ??= await buildAccount(database().db, "admin");
    return admin;
  }
  async function save(pageId: string, title: string, ...links: string[]) {
    await savePageRevision(database().db, { pageId, title, doc: doc(...links.map(link)), authorId: (await account()).id, summary: "", selfApproved: true });
  }

  it("lists live pages of a namespace by title, a page at a time, forwards and back", async () => {
    const ns = unique();
    await save(`${ns}:e`, "Echo");
    await save(`${ns}:b2`, "Bravo");
    await save(`${ns}:a`, "Alpha");
    await save(`${ns}:b1`, "Bravo");
    await save(`${ns}:d`, "Delta");
    await save(`${ns}:sub:c`, "Charlie");
    await save(`${ns}:gone`, "Charlie");
    await deletePage(database().db, await account(), { pageId: `${ns}:gone` });
    await save(`${ns}:old`, "Foxtrot");
    await renamePage(database().db, await account(), { pageId: `${ns}:old`, newPageId: `${ns}:sub:foxtrot` });

    const ids = (page: { pages: { pageId: string }[] }) => page.pages.map((p) => p.pageId);
    const first = await listAllPages(database().db, { namespace: ns, limit: 2 });
    expect(ids(first)).toEqual([`${ns}:a`, `${ns}:b1`]);
    expect(first.previous).toBeNull();
    const second = await listAllPages(database().db, { namespace: ns, limit: 2, from: first.next! });
    expect(ids(second)).toEqual([`${ns}:b2`, `${ns}:d`]);
    expect(second.previous).toBe("");
    const third = await listAllPages(database().db, { namespace: ns, limit: 2, from: second.next! });
    expect(ids(third)).toEqual([`${ns}:e`]);
    expect(third.next).toBeNull();
    expect(third.previous).toBe(`${ns}:b2`);
    expect(first.pages[0]).toEqual({ pageId: `${ns}:a`, title: "Alpha", namespace: ns });

    expect(ids(await listAllPages(database().db, { namespace: `${ns}:sub` }))).toEqual([`${ns}:sub:c`, `${ns}:sub:foxtrot`]);
    // An id that names no page starts at the beginning.
    expect(ids(await listAllPages(database().db, { namespace: ns, limit: 1, from: `${ns}:nothing` }))).toEqual([`${ns}:a`]);
    // Every namespace: this test's pages among the rest, in the same order.
    const all = ids(await listAllPages(database().db, { limit: 10_000 })).filter((id) => id.startsWith(`${ns}:`));
    expect(all).toEqual([`${ns}:a`, `${ns}:b1`, `${ns}:b2`, `${ns}:sub:c`, `${ns}:d`, `${ns}:e`, `${ns}:sub:foxtrot`]);
    expect(await listPageNamespaces(database().db)).toEqual(expect.arrayContaining([ns, `${ns}:sub`]));
  });

  it("ranks wanted pages by the live pages linking to them, with their counts, a page at a time", async () => {
    const ns = unique();
    await save(`${ns}:one`, "One", `${ns}:most`, `${ns}:more`, `${ns}:less`, `${ns}:exists`, `${ns}:moved`, `${ns}:sub:deep`);
    await save(`${ns}:two`, "Two", `${ns}:most`, `${ns}:more`);
    // Only the published revision counts: this page's first revision linked to "less".
    await save(`${ns}:three`, "Three", `${ns}:most`, `${ns}:less`);
    await save(`${ns}:three`, "Three", `${ns}:most`);
    await save(`${ns}:exists`, "Exists");
    await save(`${ns}:old`, "Moved");
    await renamePage(database().db, await account(), { pageId: `${ns}:old`, newPageId: `${ns}:moved` });
    await save(`${ns}:deleted`, "Deleted", `${ns}:most`, `${ns}:only_deleted`);
    await deletePage(database().db, await account(), { pageId: `${ns}:deleted` });

    const wanted = await listWantedPages(database().db, { namespace: ns });
    expect(wanted.pages).toEqual([
      { pageId: `${ns}:most`, namespace: ns, links: 3 },
      { pageId: `${ns}:more`, namespace: ns, links: 2 },
      { pageId: `${ns}:less`, namespace: ns, links: 1 },
    ]);
    expect(wanted.next).toBeNull();
    expect((await listWantedPages(database().db, { namespace: `${ns}:sub` })).pages).toEqual([{ pageId: `${ns}:sub:deep`, namespace: `${ns}:sub`, links: 1 }]);

    const first = await listWantedPages(database().db, { namespace: ns, limit: 2 });
    expect(first.pages.map((p) => p.pageId)).toEqual([`${ns}:most`, `${ns}:more`]);
    expect(first.next).toEqual({ links: 1, from: `${ns}:less` });
    const second = await listWantedPages(database().db, { namespace: ns, limit: 2, ...first.next! });
    expect(second.pages.map((p) => p.pageId)).toEqual([`${ns}:less`]);

    // Creating the page takes it off the list.
    await save(`${ns}:most`, "Most");
    expect((await listWantedPages(database().db, { namespace: ns })).pages.map((p) => p.pageId)).toEqual([`${ns}:more`, `${ns}:less`]);
  });

  it("suggests written pages by title and wanted pages by id, however the separators are typed", async () => {
    const ns = unique();
    await save(`${ns}:gpt_5_2`, `Model ${ns} 5.2`, `${ns}:gpt_5_4`, `${ns}:gpt_5_4_pro`);
    const suggestions = await linkSuggestions(database().db, `${ns}:GPT-5.4`);
    expect(suggestions).toEqual([
      { pageId: `${ns}:gpt_5_4`, title: "Gpt 5 4", wanted: { links: 1 } },
      { pageId: `${ns}:gpt_5_4_pro`, title: "Gpt 5 4 pro", wanted: { links: 1 } },
    ]);
    expect(await linkSuggestions(database().db, `model ${ns}`)).toEqual([{ pageId: `${ns}:gpt_5_2`, title: `Model ${ns} 5.2`, wanted: null }]);
    expect(pageIdKey(`${ns}:GPT-5.4`)).toBe(pageIdKey(`${ns}:gpt_5_4`));
  });

  it("finds the pages nothing links to, counting redirects as links to their target", async () => {
    const ns = unique();
    await save(`${ns}:alone`, "Alone");
    await save(`${ns}:hub`, "Hub", `${ns}:linked`, `${ns}:via_old`);
    await save(`${ns}:linked`, "Linked", `${ns}:hub`);
    await save(`${ns}:self`, "Self", `${ns}:self`);
    await save(`${ns}:by_deleted`, "By deleted");
    await save(`${ns}:deleted`, "Deleted", `${ns}:by_deleted`);
    await deletePage(database().db, await account(), { pageId: `${ns}:deleted` });
    await save(`${ns}:renamed_from`, "Renamed");
    await renamePage(database().db, await account(), { pageId: `${ns}:renamed_from`, newPageId: `${ns}:renamed` });

    const orphans = await listOrphanedPages(database().db, { namespace: ns });
    expect(orphans.pages).toEqual([
      { pageId: `${ns}:alone`, title: "Alone", namespace: ns },
      { pageId: `${ns}:by_deleted`, title: "By deleted", namespace: ns },
      { pageId: `${ns}:self`, title: "Self", namespace: ns },
    ]);
    const first = await listOrphanedPages(database().db, { namespace: ns, limit: 2 });
    expect(first.next).toBe(`${ns}:self`);
    expect((await listOrphanedPages(database().db, { namespace: ns, from: first.next! })).pages.map((p) => p.pageId)).toEqual([`${ns}:self`]);
  });

  it("picks random live pages, never a deleted page or a redirect", async () => {
    const ns = unique();
    for (const name of ["a", "b", "c"]) await save(`${ns}:${name}`, name.toUpperCase());
    await save(`${ns}:deleted`, "Deleted");
    await deletePage(database().db, await account(), { pageId: `${ns}:deleted` });
    await renamePage(database().db, await account(), { pageId: `${ns}:c`, newPageId: `${ns}:c_moved` });

    const picked = new Set<string>();
    for (let i = 0; i < 100; i++) picked.add((await pickRandomPage(database().db))!);
    const live = await database().db.page.findMany({
      where: { slug: { in: [...picked] }, deletedAt: null, redirectTo: null, publishedRevisionId: { not: null } },
      select: { slug: true },
    });
    expect(live.length).toBe(picked.size);
    expect(picked.size).toBeGreaterThan(1);
    expect(picked.has(`${ns}:deleted`) || picked.has(`${ns}:c`)).toBe(false);
  });

  it("shows recently changed articles once each, newest first", async () => {
    const ns = unique();
    await save(`${ns}:older`, "Older");
    await save(`${ns}:newer`, "Newer");
    await save(`${ns}:older`, "Older", `${ns}:newer`);
    const recent = await listRecentlyChangedArticles(database().db, { limit: 2 });
    expect(recent.map((a) => a.pageId)).toEqual([`${ns}:older`, `${ns}:newer`]);
    expect(recent[0].changedAt).toBeInstanceOf(Date);
  });
});
