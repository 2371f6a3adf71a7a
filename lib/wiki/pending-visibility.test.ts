import { expect, it } from "vitest";
import { buildAccount, buildPage, textDoc, unique } from "../../test/factories";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { Account } from "./accounts";
import { exportPageMarkup } from "./dokuwiki-export";
import { savePageEdit } from "./edit";
import { compareRevisions, getRevisionDocument, getRevisionView } from "./history";
import { rejectRevision, setReviewPolicy } from "./review";
import { updateSiteSettings } from "./settings";

describeOnEachDatabase("who reads text waiting for review", (database) => {
  const db = () => database().db;

  /** A page in a namespace that needs review: revision 1 approved, revision 2 an editor's, pending. */
  async function pendingCase() {
    const [admin, editor, reviewer] = [await buildAccount(db(), "admin"), await buildAccount(db(), "editor"), await buildAccount(db(), "reviewer")];
    const namespace = `sensitive${unique()}`;
    const page = await buildPage(db(), admin, { namespace, text: "The approved account." });
    await setReviewPolicy(db(), admin, { namespace, policy: "required" });
    const pending = await savePageEdit(db(), editor, {
      pageId: page.pageId,
      doc: textDoc("A correction naming someone."),
      summary: "Correction",
      minor: false,
      baseRevisionId: page.revisionId,
    });
    expect(pending).toMatchObject({ number: 2, pending: true });
    /** What each kind of reader gets for revision `number`: its text, or the refusal's code. */
    const outcomes = async (number: number) => {
      const read = async (account: Account | null) =>
        getRevisionView(db(), account, page.pageId, number).then(
          (view) => view.rendered.html.replace(/<\/?p>/g, ""),
          (error: { code: string }) => error.code,
        );
      return { anonymous: await read(null), editor: await read(editor), reviewer: await read(reviewer) };
    };
    return { admin, editor, reviewer, pageId: page.pageId, outcomes };
  }

  it("is signed-in accounts by default: anonymous readers get the approved text only, in views, diffs, the API and exports", async () => {
    const { editor, pageId, outcomes } = await pendingCase();
    expect(await outcomes(1)).toEqual({ anonymous: "The approved account.", editor: "The approved account.", reviewer: "The approved account." });
    expect(await outcomes(2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "A correction naming someone.", reviewer: "A correction naming someone." });
    await expect(compareRevisions(db(), null, pageId, 1, 2)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Revision 2 is waiting for review: sign in to read it.",
    });
    await expect(getRevisionDocument(db(), null, pageId, 2)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await compareRevisions(db(), editor, pageId, 1, 2)).diff.changeCount).toBeGreaterThan(0);
    // An export without a revision number is the newest text the reader may read.
    expect(await exportPageMarkup(db(), null, pageId)).toMatchObject({ number: 1, markup: expect.stringContaining("The approved account.") });
    expect(await exportPageMarkup(db(), editor, pageId)).toMatchObject({ number: 2 });
    await expect(exportPageMarkup(db(), null, pageId, 2)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("can be reviewers only, or everyone", async () => {
    const { admin, reviewer, editor, pageId, outcomes } = await pendingCase();
    await expect(updateSiteSettings(db(), reviewer, { pendingVisibility: "everyone" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    try {
      await updateSiteSettings(db(), admin, { pendingVisibility: "reviewers" });
      expect(await outcomes(2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "FORBIDDEN", reviewer: "A correction naming someone." });
      await expect(getRevisionView(db(), editor, pageId, 2)).rejects.toMatchObject({ message: "Revision 2 is waiting for review: only reviewers read it." });
      await updateSiteSettings(db(), admin, { pendingVisibility: "everyone" });
      expect(await outcomes(2)).toEqual({
        anonymous: "A correction naming someone.",
        editor: "A correction naming someone.",
        reviewer: "A correction naming someone.",
      });
    } finally {
      await updateSiteSettings(db(), admin, { pendingVisibility: "signedIn" });
    }
  });

  it("hides rejected text as it hides text waiting for review", async () => {
    const { reviewer, pageId, outcomes } = await pendingCase();
    await rejectRevision(db(), reviewer, { pageId, number: 2, comment: "Unsourced" });
    expect(await outcomes(2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "A correction naming someone.", reviewer: "A correction naming someone." });
    // The revert that rejection makes is approved: everyone reads it.
    expect((await outcomes(3)).anonymous).toBe("The approved account.");
  });
});
