import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON, NodeJSON } from "../content/document";
import { type Account, createAccount } from "./accounts";
import { getArticle } from "./articles";
import { compareRevisions } from "./history";
import { getSourceDetail, listSources } from "./library";
import { savePageRevision } from "./revisions";
import { getSourceVersions, mergeSources, updateSource } from "./source-records";
import { setProtection } from "./lifecycle";
import { setReviewPolicy } from "./review";
import { createSource } from "./sources";

const cite = (sourceId: string): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null } });
const p = (...cites: NodeJSON[]): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text: "A claim." }, ...cites] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });
const fields = { type: "report", title: "Model card", authors: "Lab, The", url: "https://lab.example/card", doi: "https://doi.org/10.5555/CARD.1", summary: "Add the DOI" };

describeOnEachDatabase("editing and merging sources", (database) => {
  let ed: Account;
  let a = "";
  let b = "";

  it("keeps every version of an edited source, and refuses another record's address or DOI", async () => {
    const { db } = database();
    ed = await createAccount(db, { email: "ed@example.org", name: "Ed", password: "correct horse battery" });
    const reader = await createAccount(db, { email: "rex@example.org", name: "Rex", password: "correct horse battery" }, { role: "reader" });
    a = (await createSource(db, ed, { url: "https://lab.example/card", title: "Model card" })).id;
    b = (await createSource(db, ed, { url: "https://mirror.example/card.pdf", title: "Model card (PDF)", publisher: "The Lab" })).id;
    await savePageRevision(db, { pageId: "one", doc: doc(p(cite(a)), p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: null });
    const old = await savePageRevision(db, { pageId: "two", doc: doc(p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: null });
    await savePageRevision(db, { pageId: "two", doc: doc(p(cite(b)), p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: old.revisionId });

    await expect(updateSource(db, reader, a, fields)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSource(db, ed, a, { ...fields, doi: "not a doi" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { doi: expect.stringMatching(/10\.1234/) } },
    });
    expect(await updateSource(db, ed, a, fields)).toEqual({ citingPages: ["one"] });
    const versions = await getSourceVersions(db, a);
    expect(versions.map((v) => [v.number, v.editor, v.summary, v.data.doi])).toEqual([
      [2, "Ed", "Add the DOI", "10.5555/card.1"],
      [1, null, "As first recorded", null],
    ]);
    await expect(updateSource(db, ed, b, { ...fields, title: "Copy", summary: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getArticle(db, "one"))?.rendered.references[0].source).toMatchObject({ type: "report", authors: [{ family: "Lab", given: "The" }] });
  });

  it("merges a duplicate: citations follow, numbers join, fields fill in, and the duplicate points on", async () => {
    const { db } = database();
    await expect(mergeSources(db, ed, { from: a, into: a })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await mergeSources(db, ed, { from: b, into: a })).citingPages.sort()).toEqual(["one", "two"]);

    const one = (await getArticle(db, "one"))!;
    expect(one.rendered.references).toHaveLength(1);
    expect(one.rendered.references[0]).toMatchObject({ sourceId: a, uses: [{}, {}], source: { title: "Model card", publisher: "The Lab" } });
    expect((await listSources(db)).entries.map((e) => [e.title, e.uses])).toEqual([["Model card", 4]]);
    const detail = await getSourceDetail(db, a);
    expect(detail.citedIn.map((c) => [c.pageId, c.published?.sections])).toEqual([
      ["one", [{ section: "(lead)", uses: 2 }]],
      ["two", [{ section: "(lead)", uses: 2 }]],
    ]);
    expect((await getSourceVersions(db, a))[0].summary).toBe("Merged “Model card (PDF)” into this source");
    // Revision 1 of "two" cited the duplicate: a diff shows the same source, cited once more.
    const diff = await compareRevisions(db, null, "two", 1, 2);
    expect(diff.diff.references).toEqual([{ sourceId: a, status: "changed", usesBefore: 1, usesAfter: 2, locatorsBefore: [], locatorsAfter: [] }]);
    await expect(updateSource(db, ed, b, fields)).rejects.toMatchObject({ code: "CONFLICT" });
    // A new citation of the kept record's address finds it.
    expect(await createSource(db, ed, { url: "https://lab.example/card", title: "Again" })).toMatchObject({ id: a, existed: true });
  });

  it("refuses editors a source change that would go round a page's protection or review", async () => {
    const { db } = database();
    const tag = Math.random().toString(36).slice(2, 8);
    const make = (role: "editor" | "reviewer" | "admin") =>
      createAccount(db, { email: `${role}-${tag}@example.org`, name: `${role} ${tag}`, password: "correct horse battery" }, { role });
    const [editor, reviewer, admin] = [await make("editor"), await make("reviewer"), await make("admin")];
    const guarded = (await createSource(db, editor, { url: `https://guarded.example/${tag}`, title: "Guarded" })).id;
    const reviewed = (await createSource(db, editor, { url: `https://reviewed.example/${tag}`, title: "Reviewed" })).id;
    const free = (await createSource(db, editor, { url: `https://free.example/${tag}`, title: "Free" })).id;
    await savePageRevision(db, { pageId: `protected_${tag}`, doc: doc(p(cite(guarded))), authorId: admin.id, summary: "", baseRevisionId: null });
    await setProtection(db, admin, { pageId: `protected_${tag}`, protect: true });
    await setReviewPolicy(db, admin, { namespace: `rev_${tag}`, policy: "required" });
    await savePageRevision(db, { pageId: `rev_${tag}:page`, doc: doc(p(cite(reviewed))), authorId: admin.id, summary: "", baseRevisionId: null, selfApproved: true });
    await savePageRevision(db, { pageId: `open_${tag}`, doc: doc(p(cite(free)), p(cite(reviewed))), authorId: admin.id, summary: "", baseRevisionId: null });
    const change = (title: string) => ({ type: "webpage", title, authors: "", summary: "" });

    await expect(updateSource(db, editor, guarded, change("Changed"))).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/protected/) });
    await expect(updateSource(db, editor, reviewed, change("Changed"))).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/reviewed/) });
    await expect(mergeSources(db, editor, { from: free, into: reviewed })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getSourceDetail(db, guarded)).source.title).toBe("Guarded");
    await updateSource(db, editor, free, change("Free, changed"));
    await updateSource(db, reviewer, guarded, change("Guarded, changed"));
    await updateSource(db, reviewer, reviewed, change("Reviewed, changed"));
  });
});
