import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import { type Account, createAccount } from "./accounts";
import { compareRevisions, getContributions, getHistory, getRevisionView } from "./history";
import { revertToRevision, rollbackAuthor, undoRevision } from "./revert";
import { getLatestRevision, savePageRevision } from "./revisions";

const doc = (...paragraphs: string[]): DocumentJSON => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});
const texts = (d: DocumentJSON) => d.content.map((p) => p.content?.[0]?.text);

describeOnEachDatabase("history, revert and undo", (database) => {
  const people: Record<string, Account> = {};

  async function save(account: Account, ...paragraphs: string[]) {
    const { db } = database();
    const latest = await getLatestRevision(db, "story");
    return savePageRevision(db, { pageId: "story", doc: doc(...paragraphs), authorId: account.id, summary: `By ${account.name}`, baseRevisionId: latest?.revisionId ?? null });
  }
  const latestTexts = async () => texts((await getLatestRevision(database().db, "story"))!.doc);

  it("lists revisions newest first with their authors, sizes and summaries", async () => {
    const { db } = database();
    for (const [name, role] of [
      ["Ada", "editor"],
      ["Bob", "editor"],
      ["Rita", "reviewer"],
      ["Rex", "reader"],
    ] as const) {
      people[name] = await createAccount(db, { email: `${name.toLowerCase()}@example.org`, name, password: "correct horse battery" }, { role });
    }
    await save(people.Ada, "alpha", "beta", "gamma", "delta");
    await save(people.Bob, "ALPHA", "beta", "gamma", "delta");
    await save(people.Ada, "ALPHA", "beta", "gamma", "DELTA");
    const history = await getHistory(db, "story");
    expect(history.revisions.map((r) => [r.number, r.author.name, r.summary])).toEqual([
      [3, "Ada", "By Ada"],
      [2, "Bob", "By Bob"],
      [1, "Ada", "By Ada"],
    ]);
    expect(history.revisions[2].sizeDelta).toBe(history.revisions[2].size);
    expect(history.revisions[1].sizeDelta).toBe(0);
    expect(history).toMatchObject({ page: { pageId: "story", latestNumber: 3 }, older: null, newer: undefined });
  });

  it("shows an old revision as it was and compares revisions in both directions", async () => {
    const { db } = database();
    const view = await getRevisionView(db, null, "story", 1);
    expect(view.revision.number).toBe(1);
    expect(view.rendered.html).toContain("<p>alpha</p>");
    const forward = await compareRevisions(db, null, "story", 1, 3);
    expect(forward.diff.changeCount).toBe(2);
    expect(forward.diff.rows.map((r) => r.op)).toEqual(["changed", "equal", "equal", "changed"]);
    const backward = await compareRevisions(db, null, "story", 3, 1);
    expect(backward.from.number).toBe(3);
    expect(backward.diff.changeCount).toBe(2);
    await expect(compareRevisions(db, null, "story", 1, 99)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("undoes one earlier revision and keeps the later ones", async () => {
    const { db } = database();
    const undone = await undoRevision(db, people.Ada, { pageId: "story", number: 2, reason: " no source says so " });
    expect(undone).toMatchObject({ status: "created", number: 4 });
    expect(await latestTexts()).toEqual(["alpha", "beta", "gamma", "DELTA"]);
    expect((await getHistory(db, "story")).revisions[0].summary).toBe("Undid revision 2 by Bob: no source says so");
  });

  it("refuses an undo that later edits overlap, and writes nothing", async () => {
    const { db } = database();
    await save(people.Bob, "alpha", "BETA", "gamma", "DELTA");
    await save(people.Bob, "alpha", "BETA!", "gamma", "DELTA");
    const before = await db.revision.count();
    await expect(undoRevision(db, people.Ada, { pageId: "story", number: 5 })).rejects.toMatchObject({ code: "CONFLICT", message: /cannot be undone automatically/ });
    await expect(undoRevision(db, people.Ada, { pageId: "story", number: 1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.revision.count()).toBe(before);
  });

  it("reverts to any revision as a new revision", async () => {
    const { db } = database();
    const reverted = await revertToRevision(db, people.Ada, { pageId: "story", number: 1 });
    expect(reverted).toMatchObject({ status: "created", number: 7 });
    expect(await latestTexts()).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect((await getHistory(db, "story")).revisions[0].summary).toBe("Reverted to revision 1 by Ada");
    await expect(revertToRevision(db, people.Rex, { pageId: "story", number: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revertToRevision(db, null, { pageId: "story", number: 2 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rolls back one author's latest run of edits, for reviewers only", async () => {
    const { db } = database();
    await save(people.Bob, "vandal", "beta", "gamma", "delta");
    await save(people.Bob, "vandal", "vandal", "gamma", "delta");
    await expect(rollbackAuthor(db, people.Ada, { pageId: "story" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rolled = await rollbackAuthor(db, people.Rita, { pageId: "story" });
    expect(rolled).toMatchObject({ status: "created", number: 10, undone: 2 });
    expect(await latestTexts()).toEqual(["alpha", "beta", "gamma", "delta"]);
    const [newest] = (await getHistory(db, "story")).revisions;
    expect(newest).toMatchObject({ summary: "Rolled back 2 edits by Bob to revision 7 by Ada", author: { name: "Rita" } });
  });

  it("lists one person's contributions, newest first", async () => {
    const { db } = database();
    const bob = await getContributions(db, "Bob");
    expect(bob.contributions.map((c) => c.number)).toEqual([9, 8, 6, 5, 2]);
    expect(bob.contributions[0]).toMatchObject({ pageId: "story", title: "Story" });
    const older = await getContributions(db, "Bob", { limit: 2 });
    expect(older.contributions.map((c) => c.number)).toEqual([9, 8]);
    expect((await getContributions(db, "Bob", { before: older.older!, limit: 2 })).contributions.map((c) => c.number)).toEqual([6, 5]);
    await expect(getContributions(db, "Nobody")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages through thousands of revisions without gaps or repeats", async () => {
    const { db } = database();
    const page = await db.page.create({ data: { slug: "long_story", title: "Long story" } });
    const content = JSON.stringify(doc("x"));
    const total = 2_345;
    await db.revision.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        pageId: page.id,
        number: i + 1,
        authorId: people.Ada.id,
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
      const history = await getHistory(db, "long_story", { before });
      seen.push(...history.revisions.map((r) => r.number));
      pages++;
      if (history.older === null) break;
      before = history.older;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    expect(pages).toBe(Math.ceil(total / 50));
    const middle = await getHistory(db, "long_story", { before: 1_001 });
    expect(middle.revisions[0].number).toBe(1_000);
    expect(middle.newer).toBe(1_051);
  });
});
