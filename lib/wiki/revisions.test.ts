import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { buildAccount, buildSource, unique } from "../../test/factories";
import type { Db } from "../db";
import type { DocumentJSON } from "../content/document";
import { type ConflictDetails, getLatestRevision, savePageRevision } from "./revisions";

const doc = (...paragraphs: string[]): DocumentJSON => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

/** Two editors, and a page of three paragraphs at an id of its own that one of them started. */
async function twoEditorsAndAPage(db: Db) {
  const [adaAccount, bob] = [await buildAccount(db, "editor", "Ada"), (await buildAccount(db, "editor", "Bob")).id];
  const [ada, topic] = [adaAccount.id, `topic_${unique()}`];
  const first = await savePageRevision(db, { pageId: topic, doc: doc("one", "two", "three"), authorId: ada, summary: "Start", baseRevisionId: null });
  return { adaAccount, ada, bob, topic, first };
}

describeOnEachDatabase("saving revisions", (database) => {
  it("creates a page with its first revision, and makes no revision for an unchanged save", async () => {
    const { db } = database();
    const { ada, topic, first } = await twoEditorsAndAPage(db);
    expect(first).toMatchObject({ status: "created", number: 1, merged: false, pageCreated: true });
    const again = await savePageRevision(db, { pageId: topic, doc: doc("one", "two", "three"), authorId: ada, summary: "Same", baseRevisionId: first.revisionId });
    expect(again).toEqual({ status: "unchanged", revisionId: first.revisionId, number: 1 });
    // Empty paragraphs at the end are not stored, so they are no change either.
    const trailing = doc("one", "two", "three");
    trailing.content!.push({ type: "paragraph" }, { type: "paragraph", content: [] });
    expect(await savePageRevision(db, { pageId: topic, doc: trailing, authorId: ada, summary: "Same", baseRevisionId: first.revisionId })).toMatchObject({ status: "unchanged" });
    expect(await db.revision.count({ where: { page: { slug: topic } } })).toBe(1);
    const made = await savePageRevision(db, {
      pageId: `${topic}_blank`,
      doc: { type: "doc", content: [{ type: "paragraph" }, { type: "paragraph" }] },
      authorId: ada,
      summary: "",
      baseRevisionId: null,
    });
    expect(JSON.parse((await db.revision.findUniqueOrThrow({ where: { id: made.revisionId } })).content)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("merges concurrent saves of different passages from one base; both changes are kept", async () => {
    const { db } = database();
    const { ada, bob, topic, first: base } = await twoEditorsAndAPage(db);
    const [adaSave, bobSave] = await Promise.all([
      savePageRevision(db, { pageId: topic, doc: doc("ONE", "two", "three"), authorId: ada, summary: "Ada's", baseRevisionId: base.revisionId }),
      savePageRevision(db, { pageId: topic, doc: doc("one", "two", "THREE"), authorId: bob, summary: "Bob's", baseRevisionId: base.revisionId }),
    ]);
    expect([adaSave.status, bobSave.status]).toEqual(["created", "created"]);
    const numbers = [adaSave, bobSave].map((s) => s.number).sort();
    expect(numbers).toEqual([2, 3]);
    // Whichever came second was merged on top of the first.
    expect([adaSave, bobSave].filter((s) => s.status === "created" && s.merged)).toHaveLength(1);
    const latest = (await getLatestRevision(db, topic))!;
    expect(latest.doc).toEqual(doc("ONE", "two", "THREE"));
    const history = await db.revision.findMany({ where: { page: { slug: topic } }, orderBy: { number: "asc" }, select: { number: true, authorId: true, parentId: true } });
    expect(history.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(new Set(history.slice(1).map((r) => r.authorId))).toEqual(new Set([ada, bob]));
  });

  it("refuses a save that overlaps a newer revision, naming it, and keeps both texts available", async () => {
    const { db } = database();
    const { ada, bob, topic, first: base } = await twoEditorsAndAPage(db);
    await savePageRevision(db, { pageId: topic, doc: doc("ONE", "two (Ada)", "THREE"), authorId: ada, summary: "Ada", baseRevisionId: base.revisionId });
    const refused = savePageRevision(db, { pageId: topic, doc: doc("ONE", "two (Bob)", "THREE"), authorId: bob, summary: "Bob", baseRevisionId: base.revisionId });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("revision 2") });
    const details = (await refused.catch((e) => e.details)) as ConflictDetails;
    expect(details.latestNumber).toBe(2);
    expect(details.theirs).toEqual(doc("ONE", "two (Ada)", "THREE"));
    expect(details.conflicts[0].mine).toEqual(doc("two (Bob)").content);
    expect(await db.revision.count({ where: { page: { slug: topic } } })).toBe(2);
  });

  it("refuses to create a page someone else created meanwhile", async () => {
    const { db } = database();
    const { bob, topic } = await twoEditorsAndAPage(db);
    await expect(savePageRevision(db, { pageId: topic, doc: doc("new"), authorId: bob, summary: "", baseRevisionId: null })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("writes revision, citations and links together, or nothing at all", async () => {
    const { db } = database();
    const { adaAccount, ada, topic, first: base } = await twoEditorsAndAPage(db);
    const source = await buildSource(db, adaAccount);
    const cited: DocumentJSON = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See ", marks: [] },
            { type: "text", text: "other", marks: [{ type: "wikiLink", attrs: { target: "other", fragment: null } }] },
            { type: "citation", attrs: { sourceId: source.id, locator: "p. 2", quote: null } },
          ],
        },
      ],
    };
    const saved = await savePageRevision(db, { pageId: topic, doc: cited, authorId: ada, summary: "Cite", baseRevisionId: base.revisionId });
    expect(await db.citation.findMany({ where: { revisionId: saved.revisionId }, select: { sourceId: true, locator: true } })).toEqual([{ sourceId: source.id, locator: "p. 2" }]);
    expect(await db.link.findMany({ where: { revisionId: saved.revisionId }, select: { targetSlug: true } })).toEqual([{ targetSlug: "other" }]);

    const counts = () => Promise.all([db.revision.count(), db.citation.count(), db.link.count(), db.page.count()]);
    const before = await counts();
    const unknownSource = structuredClone(cited);
    (unknownSource.content[0].content![2].attrs as { sourceId: string }).sourceId = "no-such-source";
    await expect(savePageRevision(db, { pageId: topic, doc: unknownSource, authorId: ada, summary: "", baseRevisionId: saved.revisionId })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(savePageRevision(db, { pageId: `${topic}_fresh`, doc: unknownSource, authorId: ada, summary: "", baseRevisionId: null })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const hostile = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
    await expect(savePageRevision(db, { pageId: topic, doc: hostile as DocumentJSON, authorId: ada, summary: "", baseRevisionId: saved.revisionId })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: /javascript:/,
    });
    expect(await counts()).toEqual(before);
  });
});
