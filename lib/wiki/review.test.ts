import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import { type Account, createAccount, getAccount, updateAccount } from "./accounts";
import { getArticle } from "./articles";
import { savePageEdit } from "./edit";
import { getHistory } from "./history";
import { listNotifications } from "./notifications";
import { rollbackAuthor } from "./revert";
import { approveRevision, rejectRevision, setReviewPolicy } from "./review";
import { editWaitsForReview } from "./review-policy";
import { getLatestRevision } from "./revisions";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("reviewing revisions", (database) => {
  const people: Record<string, Account> = {};

  async function edit(account: Account, pageId: string, text: string) {
    const latest = await getLatestRevision(database().db, pageId);
    return savePageEdit(database().db, account, { pageId, doc: doc(text), summary: `${account.name}: ${text}`, minor: false, baseRevisionId: latest?.revisionId ?? null });
  }
  const readerText = async (pageId: string) => (await getArticle(database().db, pageId))?.rendered.html.replace(/<\/?p>/g, "") ?? null;
  const states = async (pageId: string) => Object.fromEntries((await getHistory(database().db, pageId)).revisions.map((r) => [r.number, r.reviewState]));

  it("publishes every save where no review is needed", async () => {
    const { db } = database();
    for (const [name, role] of [
      ["Alan", "admin"],
      ["Ed", "editor"],
      ["Eve", "editor"],
      ["Rita", "reviewer"],
      ["Rex", "reader"],
    ] as const) {
      people[name] = await createAccount(db, { email: `${name.toLowerCase()}@example.org`, name, password: "correct horse battery" }, { role });
    }
    expect(await edit(people.Ed, "open", "Anyone's words.")).toMatchObject({ status: "created", pending: false });
    expect(await readerText("open")).toBe("Anyone's words.");
  });

  it("keeps editors' saves pending where the namespace needs review, and readers on the approved text", async () => {
    const { db } = database();
    await expect(setReviewPolicy(db, people.Rita, { namespace: "policy", policy: "required" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setReviewPolicy(db, people.Alan, { namespace: "policy", policy: "required" });
    expect(await edit(people.Alan, "policy:rules", "First rules.")).toMatchObject({ number: 1, pending: false });
    // The editor says so before the save; a reviewer's own save is published.
    expect(await editWaitsForReview(db, people.Ed, "policy:rules")).toBe(true);
    expect(await editWaitsForReview(db, people.Ed, "policy:new_page")).toBe(true);
    expect(await editWaitsForReview(db, people.Rita, "policy:rules")).toBe(false);
    expect(await editWaitsForReview(db, people.Ed, "open")).toBe(false);
    expect(await editWaitsForReview(db, null, "policy:rules")).toBe(false);
    expect(await edit(people.Ed, "policy:rules", "Ed's rules.")).toMatchObject({ number: 2, pending: true });
    expect(await edit(people.Eve, "policy:rules", "Eve's rules.")).toMatchObject({ number: 3, pending: true });
    expect(await readerText("policy:rules")).toBe("First rules.");
    expect(await states("policy:rules")).toEqual({ 1: "approved", 2: "pending", 3: "pending" });
    // Editing starts from the latest revision, pending or not.
    expect((await getLatestRevision(db, "policy:rules"))?.number).toBe(3);
  });

  it("lets only reviewers approve, and approving the newest approves the ones before it", async () => {
    const { db } = database();
    await expect(approveRevision(db, people.Ed, { pageId: "policy:rules", number: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveRevision(db, people.Rex, { pageId: "policy:rules", number: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveRevision(db, null, { pageId: "policy:rules", number: 3 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await approveRevision(db, people.Rita, { pageId: "policy:rules", number: 3, comment: "Good" })).toEqual({ from: 2, to: 3 });
    expect(await states("policy:rules")).toEqual({ 1: "approved", 2: "approved", 3: "approved" });
    expect(await readerText("policy:rules")).toBe("Eve's rules.");
    const log = await db.reviewLog.findMany({ where: { action: "approve" } });
    expect(log.map((l) => [l.fromNumber, l.toNumber, l.comment, l.reviewerId])).toEqual([[2, 3, "Good", people.Rita.id]]);
    const ed = await listNotifications(db, people.Ed);
    expect(ed.items[0]).toMatchObject({ kind: "approved", message: "Rita approved revisions 2–3 of “Rules”: Good", read: false });
    await expect(approveRevision(db, people.Rita, { pageId: "policy:rules", number: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects with a reason; the rejected text never reaches readers and its author is told", async () => {
    const { db } = database();
    await edit(people.Ed, "policy:rules", "Vandalised rules.");
    await expect(rejectRevision(db, people.Rita, { pageId: "policy:rules", number: 4 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const rejected = await rejectRevision(db, people.Rita, { pageId: "policy:rules", number: 4, comment: "Not sourced" });
    expect(rejected).toMatchObject({ from: 4, to: 4, revert: { status: "created", number: 5, pending: false } });
    expect(await states("policy:rules")).toMatchObject({ 4: "rejected", 5: "approved" });
    expect(await readerText("policy:rules")).toBe("Eve's rules.");
    expect((await getLatestRevision(db, "policy:rules"))?.doc).toEqual(doc("Eve's rules."));
    const history = await getHistory(db, "policy:rules");
    expect(history.revisions.find((r) => r.number === 5)?.summary).toBe("Rejected revision 4: Not sourced");
    expect((await listNotifications(db, people.Ed)).items[0]).toMatchObject({ kind: "rejected", message: "Rita rejected revision 4 of “Rules”: Not sourced" });
    await expect(approveRevision(db, people.Rita, { pageId: "policy:rules", number: 4 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never lets anyone approve their own revision", async () => {
    const { db } = database();
    await edit(people.Ed, "policy:rules", "Ed tries again.");
    await updateAccount(db, people.Alan, { id: people.Ed.id, role: "reviewer" });
    const promoted = (await getAccount(db, people.Ed.id))!;
    await expect(approveRevision(db, promoted, { pageId: "policy:rules", number: 6 })).rejects.toMatchObject({ code: "FORBIDDEN", message: /own revision/ });
    await updateAccount(db, people.Alan, { id: people.Ed.id, role: "editor" });
  });

  it("approves pending revisions a reviewer saves on top of", async () => {
    await edit(people.Eve, "policy:rules", "Eve adds to it.");
    expect(await edit(people.Rita, "policy:rules", "Rita settles it.")).toMatchObject({ number: 8, pending: false });
    expect(await states("policy:rules")).toMatchObject({ 6: "approved", 7: "approved", 8: "approved" });
    expect(await readerText("policy:rules")).toBe("Rita settles it.");
  });

  it("rejects, never approves, the pending revisions a rollback removes", async () => {
    const { db } = database();
    await edit(people.Ed, "policy:rules", "Spam one.");
    await edit(people.Ed, "policy:rules", "Spam two.");
    expect(await rollbackAuthor(db, people.Rita, { pageId: "policy:rules" })).toMatchObject({ number: 11, undone: 2, pending: false });
    expect(await states("policy:rules")).toMatchObject({ 9: "rejected", 10: "rejected", 11: "approved" });
    expect(await readerText("policy:rules")).toBe("Rita settles it.");
  });

  it("follows a page's own policy over its namespace's and the site's", async () => {
    const { db } = database();
    await setReviewPolicy(db, people.Rita, { pageId: "policy:rules", policy: "none" });
    expect(await edit(people.Ed, "policy:rules", "Open again.")).toMatchObject({ pending: false });
    await setReviewPolicy(db, people.Alan, { policy: "required" });
    expect(await edit(people.Ed, "open", "Now reviewed.")).toMatchObject({ pending: true });
    expect(await readerText("open")).toBe("Anyone's words.");
    await setReviewPolicy(db, people.Alan, { policy: "none" });
  });

  it("never lets a reviewer approve their own revision by saving on top of it or by approving a later one", async () => {
    const { db } = database();
    const tag = Math.random().toString(36).slice(2, 8);
    const make = (name: string, role: "editor" | "admin") =>
      createAccount(db, { email: `${name}-${tag}@example.org`, name: `${name} ${tag}`, password: "correct horse battery" }, { role });
    const [admin, pat, eve, other] = [await make("admin", "admin"), await make("pat", "editor"), await make("eve", "editor"), await make("other", "editor")];
    const pageId = `self_${tag}:page`;
    await setReviewPolicy(db, admin, { namespace: `self_${tag}`, policy: "required" });
    await edit(admin, pageId, "Approved text.");
    expect(await edit(pat, pageId, "Pat's pending text.")).toMatchObject({ number: 2, pending: true });
    expect(await edit(eve, pageId, "Eve's pending text.")).toMatchObject({ number: 3, pending: true });

    // Promoted, Pat may review, but not revisions that hold Pat's own.
    const reviewer = await updateAccount(db, admin, { id: pat.id, role: "reviewer" });
    await expect(approveRevision(db, reviewer, { pageId, number: 3, comment: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/Revision 2 is your own/),
    });
    expect(await edit(reviewer, pageId, "Pat builds on it.")).toMatchObject({ number: 4, pending: true });
    expect(await states(pageId)).toEqual({ 1: "approved", 2: "pending", 3: "pending", 4: "pending" });
    expect(await readerText(pageId)).toBe("Approved text.");

    // Another reviewer decides.
    const second = await updateAccount(db, admin, { id: other.id, role: "reviewer" });
    await approveRevision(db, second, { pageId, number: 4, comment: "" });
    expect(await readerText(pageId)).toBe("Pat builds on it.");
  });
});
