import { expect, it } from "vitest";
import { buildAccount, textDoc as doc, unique } from "../../test/factories";
import { describeOnEachDatabase } from "../../test/with-databases";
import { existingPageIds, getArticle } from "./articles";
import { savePageEdit } from "./edit";
import { getHistory } from "./history";
import { deletePage, renamePage, restorePage, setProtection } from "./lifecycle";
import { getLatestRevision, savePageRevision } from "./revisions";
import { isWatching } from "./watch";

describeOnEachDatabase("page lifecycle", (database) => {
  /** The people who act on pages, and a page of two revisions by Ada at an id of its own. */
  async function setUp() {
    const { db } = database();
    const [ada, rita, alan, rex] = [
      await buildAccount(db, "editor", "Ada"),
      await buildAccount(db, "reviewer", "Rita"),
      await buildAccount(db, "admin", "Alan"),
      await buildAccount(db, "reader", "Rex"),
    ];
    const key = unique();
    const pageId = `old_${key}`;
    const first = await savePageRevision(db, { pageId, doc: doc("First."), authorId: ada.id, summary: "One", baseRevisionId: null });
    await savePageRevision(db, { pageId, doc: doc("Second."), authorId: ada.id, summary: "Two", baseRevisionId: first.revisionId });
    return { db, key, pageId, ada, rita, alan, rex };
  }

  it("renames a page with its history and leaves a redirect readers follow", async () => {
    const { db, key, pageId, ada, rex } = await setUp();
    const newPageId = `science:new_name_${key}`;
    await savePageRevision(db, { pageId: `elsewhere_${key}`, doc: doc("Taken."), authorId: ada.id, summary: "x", baseRevisionId: null });

    await expect(renamePage(db, rex, { pageId, newPageId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(renamePage(db, ada, { pageId, newPageId: `elsewhere_${key}` })).rejects.toMatchObject({ code: "CONFLICT" });
    await renamePage(db, ada, { pageId, newPageId: `Science/New Name ${key}`, title: "New name", reason: "clearer" });

    const history = await getHistory(db, newPageId);
    expect(history.revisions.map((r) => [r.number, r.action, r.summary])).toEqual([
      [3, "move", `Moved from ${pageId} to ${newPageId}: clearer`],
      [2, "edit", "Two"],
      [1, "edit", "One"],
    ]);
    const moved = await getArticle(db, newPageId);
    expect(moved).toMatchObject({ pageId: newPageId, title: "New name", revision: { number: 3 } });
    expect(moved?.rendered.html).toContain("Second.");
    const viaRedirect = await getArticle(db, pageId);
    expect(viaRedirect).toMatchObject({ pageId: newPageId, redirectedFrom: pageId });
    expect(await existingPageIds(db, [pageId, newPageId, `nowhere_${key}`])).toEqual(new Set([pageId, newPageId]));
    expect((await getHistory(db, pageId)).page.pageId).toBe(newPageId);
    const page = await db.page.findUniqueOrThrow({ where: { slug: newPageId } });
    expect(page.namespace).toBe("science");
  });

  it("renames back over its own redirect, leaving no redirect chains", async () => {
    const { db, key, pageId, ada } = await setUp();
    const newPageId = `science:new_name_${key}`;
    await renamePage(db, ada, { pageId, newPageId });
    await renamePage(db, ada, { pageId: newPageId, newPageId: pageId });
    expect(await getArticle(db, pageId)).toMatchObject({ pageId, revision: { number: 4 } });
    expect(await getArticle(db, newPageId)).toMatchObject({ pageId, redirectedFrom: newPageId });
    expect(await db.page.findMany({ where: { slug: { in: [pageId, newPageId] }, redirectTo: { not: null } }, select: { slug: true, redirectTo: true } })).toEqual([
      { slug: newPageId, redirectTo: pageId },
    ]);
  });

  it("lets administrators delete and restore a page, keeping every revision", async () => {
    const { db, key, pageId, ada, rita, alan } = await setUp();
    // Deleted, the page is gone from its old address too (a redirect to it leads nowhere).
    const newPageId = `renamed_${key}`;
    await renamePage(db, ada, { pageId, newPageId });
    await expect(deletePage(db, rita, { pageId: newPageId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deletePage(db, alan, { pageId: newPageId, reason: "test" });
    expect(await getArticle(db, newPageId)).toBeNull();
    expect(await getArticle(db, pageId)).toBeNull();
    await expect(getHistory(db, newPageId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const deleted = await getHistory(db, newPageId, { includeDeleted: true });
    expect(deleted.page.deleted).toBe(true);
    expect(deleted.revisions[0]).toMatchObject({ action: "delete", summary: "Deleted the page: test" });
    await expect(savePageRevision(db, { pageId: newPageId, doc: doc("Back?"), authorId: ada.id, summary: "", baseRevisionId: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await restorePage(db, alan, { pageId: newPageId });
    expect(await getArticle(db, newPageId)).toMatchObject({ revision: { number: 5 } });
    expect((await getHistory(db, newPageId)).revisions.map((r) => r.action).slice(0, 2)).toEqual(["restore", "delete"]);
  });

  it("protects a page so only reviewers and administrators can edit it", async () => {
    const { db, pageId, ada, rita, alan } = await setUp();
    await expect(setProtection(db, ada, { pageId, protect: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setProtection(db, rita, { pageId, protect: true, reason: "vandalism" });
    const latest = (await getLatestRevision(db, pageId))!;
    const edit = { pageId, doc: doc("Changed."), summary: "", minor: false, baseRevisionId: latest.revisionId };
    await expect(savePageEdit(db, ada, edit)).rejects.toMatchObject({ code: "FORBIDDEN", message: /protected/ });
    await expect(savePageEdit(db, rita, edit)).resolves.toMatchObject({ status: "created" });
    await setProtection(db, alan, { pageId, protect: false });
    const actions = (await getHistory(db, pageId)).revisions.map((r) => r.action).slice(0, 3);
    expect(actions).toEqual(["unprotect", "edit", "protect"]);
  });

  it("gives a new page the title its author chose, and changes it later without renaming the page", async () => {
    const { db, key, ada } = await setUp();
    const pageId = `gpt_5_4_pro_${key}`;
    const edit = { pageId, doc: doc("A new model."), summary: "", minor: false, baseRevisionId: null, title: "GPT-5.4 Pro" };
    const created = await savePageEdit(db, ada, edit);
    expect((await getLatestRevision(db, pageId))?.title).toBe("GPT-5.4 Pro");

    // The same text with a new title is a change of its own; the id stays.
    const retitled = await savePageEdit(db, ada, { ...edit, baseRevisionId: created.revisionId, title: "GPT-5.4 Pro (model)" });
    expect(retitled).toMatchObject({ status: "created" });
    expect(await getLatestRevision(db, pageId)).toMatchObject({ title: "GPT-5.4 Pro (model)", pageId, number: 2 });
    // Without a title, the page keeps the one it has; asked to, the author watches it from then on.
    expect(await isWatching(db, ada, pageId)).toBe(false);
    await savePageEdit(db, ada, { ...edit, doc: doc("A newer model."), baseRevisionId: retitled.revisionId, title: undefined, watch: true });
    expect((await getLatestRevision(db, pageId))?.title).toBe("GPT-5.4 Pro (model)");
    expect(await isWatching(db, ada, pageId)).toBe(true);
  });
});
