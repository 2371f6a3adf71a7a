import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";

import { setReviewPolicy } from "./review";
import { savePageRevision } from "./revisions";
import { getWatchlist, isWatching, setWatchEdits, setWatching, watchesEdits } from "./watch";
import { buildAccount } from "../../test/factories";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("watching pages", (database) => {
  it("shows the changes and pending reviews of watched pages only", async () => {
    const { db } = database();
    const admin = await buildAccount(db, "admin");
    const ed = await buildAccount(db, "editor", "Ed");
    const watched = await savePageRevision(db, { pageId: "watched", doc: doc("One."), authorId: admin.id, summary: "watched 1", baseRevisionId: null, selfApproved: true });
    await savePageRevision(db, { pageId: "other", doc: doc("Other."), authorId: admin.id, summary: "other 1", baseRevisionId: null, selfApproved: true });

    await expect(setWatching(db, null, "watched", true)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setWatching(db, ed, "nowhere", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setWatching(db, ed, "watched", true);
    await setWatching(db, ed, "watched", true);
    expect(await isWatching(db, ed, "watched")).toBe(true);
    await expect(isWatching(db, null, "watched")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    await setReviewPolicy(db, admin, { pageId: "watched", policy: "required" });
    await savePageRevision(db, { pageId: "watched", doc: doc("Two."), authorId: ed.id, summary: "watched 2", baseRevisionId: watched.revisionId });
    const list = await getWatchlist(db, ed);
    expect(list.pages).toEqual([{ pageId: "watched", title: "Watched" }]);
    expect(list.changes.changes.map((c) => c.summary)).toEqual(["watched 2", "watched 1"]);
    expect(list.pending.map((e) => [e.pageId, e.pending.map((r) => r.number)])).toEqual([["watched", [2]]]);

    await setWatching(db, ed, "watched", false);
    await setWatching(db, ed, "watched", false);
    expect((await getWatchlist(db, ed)).pages).toEqual([]);
  });
});

describeOnEachDatabase("watching the pages one edits", (database) => {
  it("is a preference of each account, on until turned off", async () => {
    const { db } = database();
    const ed = await buildAccount(db, "editor", "Pref");
    const other = await buildAccount(db, "editor", "Pref Other");
    expect(await watchesEdits(db, ed)).toBe(true);
    expect(await setWatchEdits(db, ed, false)).toBe(false);
    expect(await watchesEdits(db, ed)).toBe(false);
    expect(await watchesEdits(db, other)).toBe(true);
    await expect(setWatchEdits(db, null, false)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await setWatchEdits(db, ed, true);
    expect(await watchesEdits(db, ed)).toBe(true);
  });
});
