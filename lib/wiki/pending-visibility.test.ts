import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import { type Account, createAccount } from "./accounts";
import { exportPageMarkup } from "./dokuwiki-export";
import { savePageEdit } from "./edit";
import { compareRevisions, getRevisionDocument, getRevisionView } from "./history";
import { rejectRevision, setReviewPolicy } from "./review";
import { getLatestRevision } from "./revisions";
import { updateSiteSettings } from "./settings";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("who reads text waiting for review", (database) => {
  const people: Record<string, Account> = {};
  const db = () => database().db;
  const edit = async (account: Account, pageId: string, text: string) =>
    savePageEdit(db(), account, { pageId, doc: doc(text), summary: text, minor: false, baseRevisionId: (await getLatestRevision(db(), pageId))?.revisionId ?? null });
  /** What each kind of reader gets for revision `number`: its text, or the refusal's code. */
  const outcomes = async (pageId: string, number: number) => {
    const read = async (account: Account | null) =>
      getRevisionView(db(), account, pageId, number).then(
        (view) => view.rendered.html.replace(/<\/?p>/g, ""),
        (error: { code: string }) => error.code,
      );
    return { anonymous: await read(null), editor: await read(people.Ed), reviewer: await read(people.Rita) };
  };

  it("is signed-in accounts by default: anonymous readers get the approved text only, in views, diffs, the API and exports", async () => {
    for (const [name, role] of [
      ["Alan", "admin"],
      ["Ed", "editor"],
      ["Rita", "reviewer"],
    ] as const) {
      people[name] = await createAccount(db(), { email: `${name.toLowerCase()}-pv@example.org`, name: `${name} pv`, password: "correct horse battery" }, { role });
    }
    await setReviewPolicy(db(), people.Alan, { namespace: "sensitive", policy: "required" });
    await edit(people.Alan, "sensitive:case", "The approved account.");
    expect(await edit(people.Ed, "sensitive:case", "A correction naming someone.")).toMatchObject({ number: 2, pending: true });

    expect(await outcomes("sensitive:case", 1)).toEqual({ anonymous: "The approved account.", editor: "The approved account.", reviewer: "The approved account." });
    expect(await outcomes("sensitive:case", 2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "A correction naming someone.", reviewer: "A correction naming someone." });
    await expect(compareRevisions(db(), null, "sensitive:case", 1, 2)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Revision 2 is waiting for review: sign in to read it.",
    });
    await expect(getRevisionDocument(db(), null, "sensitive:case", 2)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await compareRevisions(db(), people.Ed, "sensitive:case", 1, 2)).diff.changeCount).toBeGreaterThan(0);
    // An export without a revision number is the newest text the reader may read.
    expect(await exportPageMarkup(db(), null, "sensitive:case")).toMatchObject({ number: 1, markup: expect.stringContaining("The approved account.") });
    expect(await exportPageMarkup(db(), people.Ed, "sensitive:case")).toMatchObject({ number: 2 });
    await expect(exportPageMarkup(db(), null, "sensitive:case", 2)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("can be reviewers only, or everyone", async () => {
    await expect(updateSiteSettings(db(), people.Rita, { pendingVisibility: "everyone" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateSiteSettings(db(), people.Alan, { pendingVisibility: "reviewers" });
    expect(await outcomes("sensitive:case", 2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "FORBIDDEN", reviewer: "A correction naming someone." });
    await expect(getRevisionView(db(), people.Ed, "sensitive:case", 2)).rejects.toMatchObject({ message: "Revision 2 is waiting for review: only reviewers read it." });
    await updateSiteSettings(db(), people.Alan, { pendingVisibility: "everyone" });
    expect(await outcomes("sensitive:case", 2)).toEqual({
      anonymous: "A correction naming someone.",
      editor: "A correction naming someone.",
      reviewer: "A correction naming someone.",
    });
    await updateSiteSettings(db(), people.Alan, { pendingVisibility: "signedIn" });
  });

  it("hides rejected text as it hides text waiting for review", async () => {
    await rejectRevision(db(), people.Rita, { pageId: "sensitive:case", number: 2, comment: "Unsourced" });
    expect(await outcomes("sensitive:case", 2)).toEqual({ anonymous: "UNAUTHENTICATED", editor: "A correction naming someone.", reviewer: "A correction naming someone." });
    // The revert that rejection makes is approved: everyone reads it.
    expect((await outcomes("sensitive:case", 3)).anonymous).toBe("The approved account.");
  });
});
