import { expect, it } from "vitest";
import { buildAccount, textDoc as doc, unique } from "../../test/factories";
import { describeOnEachDatabase } from "../../test/with-databases";
import { type Account, getAccount, updateAccount } from "./accounts";
import { getArticle } from "./articles";
import { savePageEdit } from "./edit";
import { getHistory } from "./history";
import { listNotifications } from "./notifications";
import { rollbackAuthor } from "./revert";
import { approveRevision, rejectRevision, setReviewPolicy } from "./review";
import { editWaitsForReview } from "./review-policy";
import { getLatestRevision } from "./revisions";

describeOnEachDatabase("reviewing revisions", (database) => {
  async function edit(account: Account, pageId: string, text: string) {
    const latest = await getLatestRevision(database().db, pageId);
    return savePageEdit(database().db, account, { pageId, doc: doc(text), summary: `${account.name}: ${text}`, minor: false, baseRevisionId: latest?.revisionId ?? null });
  }
  const readerText = async (pageId: string) => (await getArticle(database().db, pageId))?.rendered.html.replace(/<\/?p>/g, "") ?? null;
  const states = async (pageId: string) => Object.fromEntries((await getHistory(database().db, pageId)).revisions.map((r) => [r.number, r.reviewState]));

  /** The people of a review, and "rules" in a namespace of its own that needs review: revision 1 is Alan's, approved. */
  async function reviewedPage() {
    const { db } = database();
    const people = {
      Alan: await buildAccount(db, "admin", "Alan"),
      Ed: await buildAccount(db, "editor", "Ed"),
      Eve: await buildAccount(db, "editor", "Eve"),
      Rita: await buildAccount(db, "reviewer", "Rita"),
      Rex: await buildAccount(db, "reader", "Rex"),
    };
    const namespace = `policy_${unique()}`;
    const pageId = `${namespace}:rules`;
    await setReviewPolicy(db, people.Alan, { namespace, policy: "required" });
    expect(await edit(people.Alan, pageId, "First rules.")).toMatchObject({ number: 1, pending: false });
    return { db, people, namespace, pageId };
  }

  /** {@link reviewedPage} with Ed's revision 2 and Eve's revision 3 waiting for review. */
  async function pendingRules() {
    const page = await reviewedPage();
    expect(await edit(page.people.Ed, page.pageId, "Ed's rules.")).toMatchObject({ number: 2, pending: true });
    expect(await edit(page.people.Eve, page.pageId, "Eve's rules.")).toMatchObject({ number: 3, pending: true });
    return page;
  }

  it("publishes every save where no review is needed", async () => {
    const ed = await buildAccount(database().db, "editor", "Ed");
    const pageId = `open_${unique()}`;
    expect(await edit(ed, pageId, "Anyone's words.")).toMatchObject({ status: "created", pending: false });
    expect(await readerText(pageId)).toBe("Anyone's words.");
  });

  it("keeps editors' saves pending where the namespace needs review, and readers on the approved text", async () => {
    const { db, people, namespace, pageId } = await reviewedPage();
    await expect(setReviewPolicy(db, people.Rita, { namespace, policy: "required" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The editor says so before the save; a reviewer's own save is published.
    expect(await editWaitsForReview(db, people.Ed, pageId)).toBe(true);
    expect(await editWaitsForReview(db, people.Ed, `${namespace}:new_page`)).toBe(true);
    expect(await editWaitsForReview(db, people.Rita, pageId)).toBe(false);
    expect(await editWaitsForReview(db, people.Ed, `open_${namespace}`)).toBe(false);
    expect(await editWaitsForReview(db, null, pageId)).toBe(false);
    expect(await edit(people.Ed, pageId, "Ed's rules.")).toMatchObject({ number: 2, pending: true });
    expect(await edit(people.Eve, pageId, "Eve's rules.")).toMatchObject({ number: 3, pending: true });
    expect(await readerText(pageId)).toBe("First rules.");
    expect(await states(pageId)).toEqual({ 1: "approved", 2: "pending", 3: "pending" });
    // Editing starts from the latest revision, pending or not.
    expect((await getLatestRevision(db, pageId))?.number).toBe(3);
  });

  it("lets only reviewers approve, and approving the newest approves the ones before it", async () => {
    const { db, people, pageId } = await pendingRules();
    await expect(approveRevision(db, people.Ed, { pageId, number: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveRevision(db, people.Rex, { pageId, number: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveRevision(db, null, { pageId, number: 3 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await approveRevision(db, people.Rita, { pageId, number: 3, comment: "Good" })).toEqual({ from: 2, to: 3 });
    expect(await states(pageId)).toEqual({ 1: "approved", 2: "approved", 3: "approved" });
    expect(await readerText(pageId)).toBe("Eve's rules.");
    const log = await db.reviewLog.findMany({ where: { action: "approve", page: { slug: pageId } } });
    expect(log.map((l) => [l.fromNumber, l.toNumber, l.comment, l.reviewerId])).toEqual([[2, 3, "Good", people.Rita.id]]);
    const ed = await listNotifications(db, people.Ed);
    expect(ed.items[0]).toMatchObject({ kind: "approved", message: `${people.Rita.name} approved revisions 2–3 of “Rules”: Good`, read: false });
    await expect(approveRevision(db, people.Rita, { pageId, number: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects with a reason; the rejected text never reaches readers and its author is told", async () => {
    const { db, people, pageId } = await reviewedPage();
    await edit(people.Ed, pageId, "Vandalised rules.");
    await expect(rejectRevision(db, people.Rita, { pageId, number: 2 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const rejected = await rejectRevision(db, people.Rita, { pageId, number: 2, comment: "Not sourced" });
    expect(rejected).toMatchObject({ from: 2, to: 2, revert: { status: "created", number: 3, pending: false } });
    expect(await states(pageId)).toMatchObject({ 2: "rejected", 3: "approved" });
    expect(await readerText(pageId)).toBe("First rules.");
    expect((await getLatestRevision(db, pageId))?.doc).toEqual(doc("First rules."));
    const history = await getHistory(db, pageId);
    expect(history.revisions.find((r) => r.number === 3)?.summary).toBe("Rejected revision 2: Not sourced");
    expect((await listNotifications(db, people.Ed)).items[0]).toMatchObject({ kind: "rejected", message: `${people.Rita.name} rejected revision 2 of “Rules”: Not sourced` });
    await expect(approveRevision(db, people.Rita, { pageId, number: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never lets anyone approve their own revision", async () => {
    const { db, people, pageId } = await pendingRules();
    await updateAccount(db, people.Alan, { id: people.Ed.id, role: "reviewer" });
    const promoted = (await getAccount(db, people.Ed.id))!;
    await expect(approveRevision(db, promoted, { pageId, number: 2 })).rejects.toMatchObject({ code: "FORBIDDEN", message: /own revision/ });
  });

  it("approves pending revisions a reviewer saves on top of", async () => {
    const { people, pageId } = await pendingRules();
    expect(await edit(people.Rita, pageId, "Rita settles it.")).toMatchObject({ number: 4, pending: false });
    expect(await states(pageId)).toMatchObject({ 2: "approved", 3: "approved", 4: "approved" });
    expect(await readerText(pageId)).toBe("Rita settles it.");
  });

  it("rejects, never approves, the pending revisions a rollback removes", async () => {
    const { db, people, pageId } = await reviewedPage();
    await edit(people.Ed, pageId, "Spam one.");
    await edit(people.Ed, pageId, "Spam two.");
    expect(await rollbackAuthor(db, people.Rita, { pageId })).toMatchObject({ number: 4, undone: 2, pending: false });
    expect(await states(pageId)).toMatchObject({ 2: "rejected", 3: "rejected", 4: "approved" });
    expect(await readerText(pageId)).toBe("First rules.");
  });

  it("follows a page's own policy over its namespace's and the site's", async () => {
    const { db, people, pageId } = await reviewedPage();
    await setReviewPolicy(db, people.Rita, { pageId, policy: "none" });
    expect(await edit(people.Ed, pageId, "Open again.")).toMatchObject({ pending: false });
    const open = `open_${unique()}`;
    await edit(people.Ed, open, "Anyone's words.");
    await setReviewPolicy(db, people.Alan, { policy: "required" });
    try {
      expect(await edit(people.Ed, open, "Now reviewed.")).toMatchObject({ pending: true });
      expect(await readerText(open)).toBe("Anyone's words.");
    } finally {
      await setReviewPolicy(db, people.Alan, { policy: "none" });
    }
  });

  it("never lets a reviewer approve their own revision by saving on top of it or by approving a later one", async () => {
    const { db } = database();
    const tag = unique();
    const [admin, pat, eve, other] = [
      await buildAccount(db, "admin"),
      await buildAccount(db, "editor", "Pat"),
      await buildAccount(db, "editor", "Eve"),
      await buildAccount(db, "editor", "Other"),
    ];
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
