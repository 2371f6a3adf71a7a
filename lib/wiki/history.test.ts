import { expect, it } from "vitest";
import { buildAccount, unique } from "../../test/factories";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import type { Account } from "./accounts";
import { compareRevisions, getContributions, getHistory, getRevisionView } from "./history";
import { revertToRevision, rollbackAuthor, undoRevision } from "./revert";
import { getLatestRevision, savePageRevision } from "./revisions";

const doc = (...paragraphs: string[]): DocumentJSON => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});
const texts = (d: DocumentJSON) => d.content.map((p) => p.content?.[0]?.text);

describeOnEachDatabase("history, revert and undo", (database) => {
  /**
   * A page of its own with three revisions (Ada's, Bob's, Ada's), and the people who work on it:
   * `save` adds a revision by one of them.
   */
  async function story() {
    const { db } = database();
    const [ada, bob, rita, rex] = [
      await buildAccount(db, "editor", "Ada"),
      await buildAccount(db, "editor", "Bob"),
      await buildAccount(db, "reviewer", "Rita"),
      await buildAccount(db, "reader", "Rex"),
    ];
    const pageId = `story_${unique()}`;
    const save = async (account: Account, ...paragraphs: string[]) => {
      const latest = await getLatestRevision(db, pageId);
      return savePageRevision(db, { pageId, doc: doc(...paragraphs), authorId: account.id, summary: `By ${account.name}`, baseRevisionId: latest?.revisionId ?? null });
    };
    await save(ada, "alpha", "beta", "gamma", "delta");
    await save(bob, "ALPHA", "beta", "gamma", "delta");
    await save(ada, "ALPHA", "beta", "gamma", "DELTA");
    const latestTexts = async () => texts((await getLatestRevision(db, pageId))!.doc);
    return { db, pageId, ada, bob, rita, rex, save, latestTexts };
  }

  it("lists revisions newest first with their authors, sizes and summaries", async () => {
    const { db, pageId, ada, bob } = await story();
    const history = await getHistory(db, pageId);
    expect(history.revisions.map((r) => [r.number, r.author.name, r.summary])).toEqual([
      [3, ada.name, `By ${ada.name}`],
      [2, bob.name, `By ${bob.name}`],
      [1, ada.name, `By ${ada.name}`],
    ]);
    expect(history.revisions[2].sizeDelta).toBe(history.revisions[2].size);
    expect(history.revisions[1].sizeDelta).toBe(0);
    expect(history).toMatchObject({ page: { pageId, latestNumber: 3 }, older: null, newer: undefined });
  });

  it("shows an old revision as it was and compares revisions in both directions", async () => {
    const { db, pageId } = await story();
    const view = await getRevisionView(db, null, pageId, 1);
    expect(view.revision.number).toBe(1);
    expect(view.rendered.html).toContain("<p>alpha</p>");
    const forward = await compareRevisions(db, null, pageId, 1, 3);
    expect(forward.diff.changeCount).toBe(2);
    expect(forward.diff.rows.map((r) => r.op)).toEqual(["changed", "equal", "equal", "changed"]);
    const backward = await compareRevisions(db, null, pageId, 3, 1);
    expect(backward.from.number).toBe(3);
    expect(backward.diff.changeCount).toBe(2);
    await expect(compareRevisions(db, null, pageId, 1, 99)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("undoes one earlier revision and keeps the later ones", async () => {
    const { db, pageId, ada, bob, latestTexts } = await story();
    const undone = await undoRevision(db, ada, { pageId, number: 2, reason: " no source says so " });
    expect(undone).toMatchObject({ status: "created", number: 4 });
    expect(await latestTexts()).toEqual(["alpha", "beta", "gamma", "DELTA"]);
    expect((await getHistory(db, pageId)).revisions[0].summary).toBe(`Undid revision 2 by ${bob.name}: no source says so`);
  });

  it("refuses an undo that later edits overlap, and writes nothing", async () => {
    const { db, pageId, ada, bob, save } = await story();
    await save(bob, "alpha", "BETA", "gamma", "DELTA");
    await save(bob, "alpha", "BETA!", "gamma", "DELTA");
    const before = await db.revision.count();
    await expect(undoRevision(db, ada, { pageId, number: 4 })).rejects.toMatchObject({ code: "CONFLICT", message: /cannot be undone automatically/ });
    await expect(undoRevision(db, ada, { pageId, number: 1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.revision.count()).toBe(before);
  });

  it("reverts to any revision as a new revision", async () => {
    const { db, pageId, ada, rex, latestTexts } = await story();
    const reverted = await revertToRevision(db, ada, { pageId, number: 1 });
    expect(reverted).toMatchObject({ status: "created", number: 4 });
    expect(await latestTexts()).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect((await getHistory(db, pageId)).revisions[0].summary).toBe(`Reverted to revision 1 by ${ada.name}`);
    await expect(revertToRevision(db, rex, { pageId, number: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revertToRevision(db, null, { pageId, number: 2 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rolls back one author's latest run of edits, for reviewers only", async () => {
    const { db, pageId, ada, bob, rita, save, latestTexts } = await story();
    await save(bob, "vandal", "beta", "gamma", "DELTA");
    await save(bob, "vandal", "vandal", "gamma", "DELTA");
    await expect(rollbackAuthor(db, ada, { pageId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rolled = await rollbackAuthor(db, rita, { pageId });
    expect(rolled).toMatchObject({ status: "created", number: 6, undone: 2 });
    expect(await latestTexts()).toEqual(["ALPHA", "beta", "gamma", "DELTA"]);
    const [newest] = (await getHistory(db, pageId)).revisions;
    expect(newest).toMatchObject({ summary: `Rolled back 2 edits by ${bob.name} to revision 3 by ${ada.name}`, author: { name: rita.name } });
  });

  it("lists one person's contributions, newest first", async () => {
    const { db, pageId, ada, bob, save } = await story();
    await save(bob, "one");
    await save(bob, "two");
    await save(ada, "three");
    await save(bob, "four");
    const contributions = await getContributions(db, bob.name);
    expect(contributions.contributions.map((c) => c.number)).toEqual([7, 5, 4, 2]);
    expect(contributions.contributions[0]).toMatchObject({ pageId });
    const older = await getContributions(db, bob.name, { limit: 2 });
    expect(older.contributions.map((c) => c.number)).toEqual([7, 5]);
    expect((await getContributions(db, bob.name, { before: older.older!, limit: 2 })).contributions.map((c) => c.number)).toEqual([4, 2]);
    await expect(getContributions(db, `Nobody ${pageId}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages through thousands of revisions without gaps or repeats", async () => {
    const { db } = database();
    const author = await buildAccount(db);
    const slug = `long_story_${unique()}`;
    const page = await db.page.create({ data: { slug, title: "Long story" } });
    const content = JSON.stringify(doc("x"));
    const total = 2_345;
    await db.revision.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        pageId: page.id,
        number: i + 1,
        authorId: author.id,
        content,
        contentHash: `h${i}`,
        size: content.length,
        sizeDelta: 0,
        summary: `Edit ${i + 1}`,
      })),
    });
    const latest = await db.revision.findUniqueOrThrow({ where: { pageId_number: { pageId: page.id, number: total } } });
    await db.page.update({ where: { id: page.id }, data: { latestRevisionId: latest.id, publishedRevisionId: latest.id } });

    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const history = await getHistory(db, slug, { before });
      seen.push(...history.revisions.map((r) => r.number));
      pages++;
      if (history.older === null) break;
      before = history.older;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    expect(pages).toBe(Math.ceil(total / 50));
    const middle = await getHistory(db, slug, { before: 1_001 });
    expect(middle.revisions[0].number).toBe(1_000);
    expect(middle.newer).toBe(1_051);
  });
});
