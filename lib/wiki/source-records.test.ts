import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON, NodeJSON } from "../content/document";
import type { Db } from "../db";
import { getArticle } from "./articles";
import { compareRevisions } from "./history";
import { getSourceDetail, listSources } from "./library";
import { savePageRevision } from "./revisions";
import { getSourceVersions, mergeSources, updateSource } from "./source-records";
import { setProtection } from "./lifecycle";
import { setReviewPolicy } from "./review";
import { createSource } from "./sources";
import { buildAccount, buildSource, unique } from "../../test/factories";

const cite = (sourceId: string): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null } });
const p = (...cites: NodeJSON[]): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text: "A claim." }, ...cites] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });
/**
 * An editor, a reader, and two records of one model card (the second a copy at another address),
 * cited by two pages: "one" cites each once, "two" cites the copy once, then twice.
 */
async function twoRecordsOfOneCard(db: Db) {
  const tag = unique();
  const [ed, reader] = [await buildAccount(db, "editor", "Ed"), await buildAccount(db, "reader")];
  const url = `https://lab.example/${tag}/card`;
  const a = (await createSource(db, ed, { url, title: "Model card" })).id;
  const b = (await createSource(db, ed, { url: `https://mirror.example/${tag}/card.pdf`, title: "Model card (PDF)", publisher: "The Lab" })).id;
  const [one, two] = [`one_${tag}`, `two_${tag}`];
  await savePageRevision(db, { pageId: one, doc: doc(p(cite(a)), p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: null });
  const old = await savePageRevision(db, { pageId: two, doc: doc(p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: null });
  await savePageRevision(db, { pageId: two, doc: doc(p(cite(b)), p(cite(b))), authorId: ed.id, summary: "", baseRevisionId: old.revisionId });
  const fields = { type: "report", title: "Model card", authors: "Lab, The", url, doi: `https://doi.org/10.5555/CARD.${tag}`, summary: "Add the DOI" };
  return { tag, ed, reader, a, b, one, two, url, fields };
}

describeOnEachDatabase("editing and merging sources", (database) => {
  it("keeps every version of an edited source, and refuses another record's address or DOI", async () => {
    const { db } = database();
    const { tag, ed, reader, a, b, one, fields } = await twoRecordsOfOneCard(db);

    await expect(updateSource(db, reader, a, fields)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSource(db, ed, a, { ...fields, doi: "not a doi" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { doi: expect.stringMatching(/10\.1234/) } },
    });
    expect(await updateSource(db, ed, a, fields)).toEqual({ citingPages: [one] });
    const versions = await getSourceVersions(db, a);
    expect(versions.map((v) => [v.number, v.editor, v.summary, v.data.doi])).toEqual([
      [2, ed.name, "Add the DOI", `10.5555/card.${tag}`],
      [1, null, "As first recorded", null],
    ]);
    await expect(updateSource(db, ed, b, { ...fields, title: "Copy", summary: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getArticle(db, one))?.rendered.references[0].source).toMatchObject({ type: "report", authors: [{ family: "Lab", given: "The" }] });
  });

  it("merges a duplicate: citations follow, numbers join, fields fill in, and the duplicate points on", async () => {
    const { db } = database();
    const { tag, ed, a, b, one, two, url, fields } = await twoRecordsOfOneCard(db);
    await expect(mergeSources(db, ed, { from: a, into: a })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await mergeSources(db, ed, { from: b, into: a })).citingPages.sort()).toEqual([one, two]);

    const article = (await getArticle(db, one))!;
    expect(article.rendered.references).toHaveLength(1);
    expect(article.rendered.references[0]).toMatchObject({ sourceId: a, uses: [{}, {}], source: { title: "Model card", publisher: "The Lab" } });
    expect((await listSources(db, { q: tag })).entries.map((e) => [e.title, e.uses])).toEqual([["Model card", 4]]);
    const detail = await getSourceDetail(db, a);
    expect(detail.citedIn.map((c) => [c.pageId, c.published?.sections])).toEqual([
      [one, [{ section: "(lead)", uses: 2 }]],
      [two, [{ section: "(lead)", uses: 2 }]],
    ]);
    expect((await getSourceVersions(db, a))[0].summary).toBe("Merged “Model card (PDF)” into this source");
    // Revision 1 of "two" cited the duplicate: a diff shows the same source, cited once more.
    const diff = await compareRevisions(db, null, two, 1, 2);
    expect(diff.diff.references).toEqual([{ sourceId: a, status: "changed", usesBefore: 1, usesAfter: 2, locatorsBefore: [], locatorsAfter: [] }]);
    await expect(updateSource(db, ed, b, fields)).rejects.toMatchObject({ code: "CONFLICT" });
    // A new citation of the kept record's address finds it.
    expect(await createSource(db, ed, { url, title: "Again" })).toMatchObject({ id: a, existed: true });
  });

  it("refuses editors a source change that would go round a page's protection or review", async () => {
    const { db } = database();
    const tag = Math.random().toString(36).slice(2, 8);
    const [editor, reviewer, admin] = [await buildAccount(db, "editor"), await buildAccount(db, "reviewer"), await buildAccount(db, "admin")];
    const guarded = (await buildSource(db, editor, { title: "Guarded" })).id;
    const reviewed = (await buildSource(db, editor)).id;
    const free = (await buildSource(db, editor)).id;
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
