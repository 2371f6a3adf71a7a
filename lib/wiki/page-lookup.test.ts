import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";

import { savePageEdit } from "./edit";
import { deletePage, renamePage } from "./lifecycle";
import { findPage, findPageOrThrow } from "./page-lookup";
import { setReviewPolicy } from "./review";
import { savePageRevision } from "./revisions";
import { buildAccount } from "../../test/factories";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("finding a page", (database) => {
  const account = (role: "editor" | "admin") => buildAccount(database().db, role);

  it("finds each page only in the states a caller accepts", async () => {
    const { db } = database();
    const [admin, editor] = [await account("admin"), await account("editor")];
    const id = (name: string) => `lookup_${randomUUID().slice(0, 8)}_${name}`;
    const [live, gone, moved, waiting] = [id("live"), id("gone"), id("moved"), `drafts${randomUUID().slice(0, 6)}:${id("waiting")}`];
    for (const pageId of [live, gone, moved]) await savePageRevision(db, { pageId, doc: doc("Text."), authorId: admin.id, summary: "New", baseRevisionId: null });
    await deletePage(db, admin, { pageId: gone });
    await renamePage(db, admin, { pageId: moved, newPageId: `${moved}_new` });
    await setReviewPolicy(db, admin, { namespace: waiting.split(":")[0], policy: "required" });
    await savePageEdit(db, editor, { pageId: waiting, doc: doc("Waits."), summary: "New", minor: false, baseRevisionId: null });

    const found = async (pageId: string, states: Parameters<typeof findPage>[3] = {}) => (await findPage(db, pageId, { title: true }, states))?.slug ?? null;
    expect(await found(live)).toBe(live);
    expect(await found(live, { published: true })).toBe(live);
    expect(await found(live, { deleted: "only" })).toBeNull();
    expect(await found(gone)).toBeNull();
    expect(await found(gone, { deleted: true })).toBe(gone);
    expect(await found(gone, { deleted: "only" })).toBe(gone);
    // The redirect a rename leaves has no revisions: it is the page it points to, or nothing.
    expect(await found(moved)).toBeNull();
    expect(await findPage(db, moved, { title: true }, { followRedirect: true })).toMatchObject({ slug: `${moved}_new`, redirectedFrom: moved });
    // Saved but waiting for review: there for its editors, not for readers.
    expect(await found(waiting)).toBe(waiting);
    expect(await found(waiting, { published: true })).toBeNull();
    expect(await found(id("never"))).toBeNull();

    await expect(findPageOrThrow(db, gone, {})).rejects.toMatchObject({ code: "NOT_FOUND", message: `There is no page "${gone}".` });
    await expect(findPageOrThrow(db, live, {}, { deleted: "only" })).rejects.toMatchObject({ code: "NOT_FOUND", message: `There is no deleted page "${live}".` });
  });
});
