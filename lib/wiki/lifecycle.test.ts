import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import { type Account, createAccount } from "./accounts";
import { existingPageIds, getArticle } from "./articles";
import { savePageEdit } from "./edit";
import { getHistory } from "./history";
import { deletePage, renamePage, restorePage, setProtection } from "./lifecycle";
import { getLatestRevision, savePageRevision } from "./revisions";
import { isWatching } from "./watch";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("page lifecycle", (database) => {
  const people: Record<string, Account> = {};

  it("renames a page with its history and leaves a redirect readers follow", async () => {
    const { db } = database();
    for (const [name, role] of [
      ["Ada", "editor"],
      ["Rita", "reviewer"],
      ["Alan", "admin"],
      ["Rex", "reader"],
    ] as const) {
      people[name] = await createAccount(db, { email: `${name.toLowerCase()}@example.org`, name, password: "correct horse battery" }, { role });
    }
    const first = await savePageRevision(db, { pageId: "old_name", doc: doc("First."), authorId: people.Ada.id, summary: "One", baseRevisionId: null });
    await savePageRevision(db, { pageId: "old_name", doc: doc("Second."), authorId: people.Ada.id, summary: "Two", baseRevisionId: first.revisionId });
    await savePageRevision(db, { pageId: "elsewhere", doc: doc("Taken."), authorId: people.Ada.id, summary: "x", baseRevisionId: null });

    await expect(renamePage(db, people.Rex, { pageId: "old_name", newPageId: "science:new_name" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(renamePage(db, people.Ada, { pageId: "old_name", newPageId: "elsewhere" })).rejects.toMatchObject({ code: "CONFLICT" });
    await renamePage(db, people.Ada, { pageId: "old_name", newPageId: "Science/New Name", title: "New name", reason: "clearer" });

    const history = await getHistory(db, "science:new_name");
    expect(history.revisions.map((r) => [r.number, r.action, r.summary])).toEqual([
      [3, "move", "Moved from old_name to science:new_name: clearer"],
      [2, "edit", "Two"],
      [1, "edit", "One"],
    ]);
    const moved = await getArticle(db, "science:new_name");
    expect(moved).toMatchObject({ pageId: "science:new_name", title: "New name", revision: { number: 3 } });
    expect(moved?.rendered.html).toContain("Second.");
    const viaRedirect = await getArticle(db, "old_name");
    expect(viaRedirect).toMatchObject({ pageId: "science:new_name", redirectedFrom: "old_name" });
    expect(await existingPageIds(db, ["old_name", "science:new_name", "nowhere"])).toEqual(new Set(["old_name", "science:new_name"]));
    expect((await getHistory(db, "old_name")).page.pageId).toBe("science:new_name");
    const page = await db.page.findUniqueOrThrow({ where: { slug: "science:new_name" } });
    expect(page.namespace).toBe("science");
  });

  it("renames back over its own redirect, leaving no redirect chains", async () => {
    const { db } = database();
    await renamePage(db, people.Ada, { pageId: "science:new_name", newPageId: "old_name" });
    expect(await getArticle(db, "old_name")).toMatchObject({ pageId: "old_name", revision: { number: 4 } });
    expect(await getArticle(db, "science:new_name")).toMatchObject({ pageId: "old_name", redirectedFrom: "science:new_name" });
    expect(await db.page.findMany({ where: { redirectTo: { not: null } }, select: { slug: true, redirectTo: true } })).toEqual([
      { slug: "science:new_name", redirectTo: "old_name" },
    ]);
  });

  it("lets administrators delete and restore a page, keeping every revision", async () => {
    const { db } = database();
    await expect(deletePage(db, people.Rita, { pageId: "old_name" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deletePage(db, people.Alan, { pageId: "old_name", reason: "test" });
    expect(await getArticle(db, "old_name")).toBeNull();
    expect(await getArticle(db, "science:new_name")).toBeNull();
    await expect(getHistory(db, "old_name")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const deleted = await getHistory(db, "old_name", { includeDeleted: true });
    expect(deleted.page.deleted).toBe(true);
    expect(deleted.revisions[0]).toMatchObject({ action: "delete", summary: "Deleted the page: test" });
    await expect(savePageRevision(db, { pageId: "old_name", doc: doc("Back?"), authorId: people.Ada.id, summary: "", baseRevisionId: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await restorePage(db, people.Alan, { pageId: "old_name" });
    expect(await getArticle(db, "old_name")).toMatchObject({ revision: { number: 6 } });
    expect((await getHistory(db, "old_name")).revisions.map((r) => r.action).slice(0, 2)).toEqual(["restore", "delete"]);
  });

  it("protects a page so only reviewers and administrators can edit it", async () => {
    const { db } = database();
    await expect(setProtection(db, people.Ada, { pageId: "old_name", protect: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setProtection(db, people.Rita, { pageId: "old_name", protect: true, reason: "vandalism" });
    const latest = (await getLatestRevision(db, "old_name"))!;
    const edit = { pageId: "old_name", doc: doc("Changed."), summary: "", minor: false, baseRevisionId: latest.revisionId };
    await expect(savePageEdit(db, people.Ada, edit)).rejects.toMatchObject({ code: "FORBIDDEN", message: /protected/ });
    await expect(savePageEdit(db, people.Rita, edit)).resolves.toMatchObject({ status: "created" });
    await setProtection(db, people.Alan, { pageId: "old_name", protect: false });
    const actions = (await getHistory(db, "old_name")).revisions.map((r) => r.action).slice(0, 3);
    expect(actions).toEqual(["unprotect", "edit", "protect"]);
  });

  it("gives a new page the title its author chose, and changes it later without renaming the page", async () => {
    const { db } = database();
    const edit = { pageId: "gpt_5_4_pro", doc: doc("A new model."), summary: "", minor: false, baseRevisionId: null, title: "GPT-5.4 Pro" };
    const created = await savePageEdit(db, people.Ada, edit);
    expect((await getLatestRevision(db, "gpt_5_4_pro"))?.title).toBe("GPT-5.4 Pro");

    // The same text with a new title is a change of its own; the id stays.
    const retitled = await savePageEdit(db, people.Ada, { ...edit, baseRevisionId: created.revisionId, title: "GPT-5.4 Pro (model)" });
    expect(retitled).toMatchObject({ status: "created" });
    expect(await getLatestRevision(db, "gpt_5_4_pro")).toMatchObject({ title: "GPT-5.4 Pro (model)", pageId: "gpt_5_4_pro", number: 2 });
    // Without a title, the page keeps the one it has; asked to, the author watches it from then on.
    expect(await isWatching(db, people.Ada, "gpt_5_4_pro")).toBe(false);
    await savePageEdit(db, people.Ada, { ...edit, doc: doc("A newer model."), baseRevisionId: retitled.revisionId, title: undefined, watch: true });
    expect((await getLatestRevision(db, "gpt_5_4_pro"))?.title).toBe("GPT-5.4 Pro (model)");
    expect(await isWatching(db, people.Ada, "gpt_5_4_pro")).toBe(true);
  });
});
