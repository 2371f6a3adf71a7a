import { expect, it } from "vitest";
import { databaseOfItsOwn, describeOnEachDatabase } from "../../test/with-databases";
import { entryKey } from "../content/citation-format";
import { toCslItem } from "../content/csl";
import type { DocumentJSON, NodeJSON } from "../content/document";
import { articleBibliography, getSourceDetail, libraryBibliography, listSources } from "./library";
import { getArticle } from "./articles";
import { setReviewPolicy } from "./review";
import { updateSiteSettings } from "./settings";
import { savePageRevision } from "./revisions";
import { formatSources, getCitationStyle } from "./citation-style";
import { createSource, getRenderSources, searchSources } from "./sources";
import { buildAccount, buildSource } from "../../test/factories";

const cite = (sourceId: string): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null } });
const h = (text: string): NodeJSON => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const p = (...cites: NodeJSON[]): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text: "A claim." }, ...cites] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });

describeOnEachDatabase("the source library", (database) => {
  it("lists sources with how often readers' versions cite them, and finds every section citing one", async () => {
    // The library lists every source of a site: this one is the test's own.
    const { db } = await databaseOfItsOwn(database().kind);
    const admin = await buildAccount(db, "admin");
    const editor = await buildAccount(db, "editor", "Ed");
    const report = await createSource(db, editor, {
      url: "https://example.org/report",
      title: "A report on models",
      authors: "Doe, Jane",
      publisher: "Example Press",
      issued: "2026-03",
    });
    const paper = await createSource(db, editor, { url: "https://journal.example/paper", title: "Zebra paper" });
    await createSource(db, editor, { title: "Never cited" });

    await savePageRevision(db, {
      pageId: "alpha",
      doc: doc(p(cite(report.id)), h("History"), p(cite(report.id), cite(paper.id))),
      authorId: admin.id,
      summary: "",
      baseRevisionId: null,
      selfApproved: true,
    });
    const beta = await savePageRevision(db, {
      pageId: "beta",
      doc: doc(h("Methods"), p(cite(paper.id))),
      authorId: admin.id,
      summary: "",
      baseRevisionId: null,
      selfApproved: true,
    });
    await setReviewPolicy(db, admin, { pageId: "beta", policy: "required" });
    await savePageRevision(db, {
      pageId: "beta",
      doc: doc(h("Methods"), p(cite(paper.id)), h("Results"), p(cite(report.id))),
      authorId: editor.id,
      summary: "",
      baseRevisionId: beta.revisionId,
    });

    const { entries } = await listSources(db);
    expect(entries.map((e) => [e.title, e.uses])).toEqual([
      ["A report on models", 2],
      ["Never cited", 0],
      ["Zebra paper", 2],
    ]);
    expect((await listSources(db, { q: "journal.example" })).entries.map((e) => e.title)).toEqual(["Zebra paper"]);
    expect((await listSources(db, { type: "document" })).entries.map((e) => e.title)).toEqual(["Never cited"]);

    const detail = await getSourceDetail(db, report.id);
    expect(detail.source).toMatchObject({ title: "A report on models", publisher: "Example Press", authors: [{ family: "Doe", given: "Jane" }] });
    expect(detail.citedIn).toEqual([
      {
        pageId: "alpha",
        title: "Alpha",
        published: {
          number: 1,
          sections: [
            { section: "(lead)", uses: 1 },
            { section: "History", uses: 1 },
          ],
        },
        latest: null,
      },
      { pageId: "beta", title: "Beta", published: null, latest: { number: 2, sections: [{ section: "Results", uses: 1 }] } },
    ]);
    await expect(getSourceDetail(db, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Bibliographies: an article's in the order its References list them, the library's by title.
    const alpha = await articleBibliography(db, "alpha");
    expect(alpha.items.map((i) => i.title)).toEqual(["A report on models", "Zebra paper"]);
    expect(alpha.items[0]).toMatchObject({ type: "webpage", author: [{ family: "Doe", given: "Jane" }], publisher: "Example Press", issued: { "date-parts": [[2026, 3]] } });
    expect((await libraryBibliography(db)).map((i) => i.title)).toEqual(["A report on models", "Never cited", "Zebra paper"]);
    await expect(articleBibliography(db, "nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("renders References in the site's citation style, which administrators change", async () => {
    const { db } = database();
    const admin = await buildAccount(db, "admin", "Style admin");
    const book = await createSource(db, admin, {
      type: "book",
      title: "The Craft of Research",
      authors: "Booth, Wayne C.",
      publisher: "University of Chicago Press",
      issued: "2016",
    });
    expect(book.existed).toBe(false);
    await savePageRevision(db, { pageId: "styled", doc: doc(p(cite(book.id))), authorId: admin.id, summary: "", baseRevisionId: null, selfApproved: true });
    const formatted = async () => (await getArticle(db, "styled"))!.rendered.references.map((r) => r.formatted);

    expect(await formatted()).toEqual(["Booth, W. C. (2016). <i>The Craft of Research</i>. University of Chicago Press."]);
    await updateSiteSettings(db, admin, { citationStyle: "modern-language-association" });
    expect(await formatted()).toEqual(["Booth, Wayne C. <i>The Craft of Research</i>. University of Chicago Press, 2016."]);
    await expect(updateSiteSettings(db, admin, { citationStyle: "ieee" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await updateSiteSettings(db, admin, { citationStyle: "apa" });

    // A DOI already in the library is not added twice.
    const first = await createSource(db, admin, { title: "A paper", doi: "10.5555/one" });
    expect(await createSource(db, admin, { title: "The paper again", doi: "https://doi.org/10.5555/ONE" })).toMatchObject({ id: first.id, existed: true });
  });
});

describeOnEachDatabase("formatted References", (database) => {
  it("are kept in the database, so that a server formats an entry only when no server has before", async () => {
    const { db } = database();
    const author = await buildAccount(db, "editor", "Entry keeper");
    const [kept, fresh] = [await buildSource(db, author), await buildSource(db, author)];
    const style = await getCitationStyle(db);
    const item = async (id: string) => toCslItem((await getRenderSources(db, [id])).get(id)!);
    // As a server that starts would find it: the entry of `kept` stored by another server.
    await db.formattedEntry.create({ data: { key: entryKey(await item(kept.id), style), html: "<i>As another server formatted it</i>" } });

    const formatted = await formatSources(db, (await getRenderSources(db, [kept.id, fresh.id])).values());
    expect(formatted.get(kept.id)).toBe("<i>As another server formatted it</i>");
    expect(formatted.get(fresh.id)).toContain(fresh.title);
    // The entry formatted here is stored for the others, under the key its content gives.
    expect(await db.formattedEntry.findUnique({ where: { key: entryKey(await item(fresh.id), style) } })).toMatchObject({ html: formatted.get(fresh.id) });
  });
});

describeOnEachDatabase("sources added from the editor", (database) => {
  it("stay their author's draft until a saved revision cites them, so a cancelled edit leaves nothing in the library", async () => {
    const { db } = database();
    const author = await buildAccount(db, "editor", "Drafter");
    const other = await buildAccount(db, "editor", "Other");
    const kept = await createSource(db, author, { url: "https://example.org/kept", title: "Draft kept" }, { draft: true });
    const dropped = await createSource(db, author, { url: "https://example.org/dropped", title: "Draft dropped" }, { draft: true });
    const inLibrary = async () => (await listSources(db)).entries.map((e) => e.title);

    // Only the author finds them, in the citation tool and on the source's page.
    expect(await inLibrary()).toEqual([]);
    expect((await searchSources(db, author.id, "Draft")).map((s) => s.title)).toEqual(["Draft dropped", "Draft kept"]);
    expect(await searchSources(db, other.id, "Draft")).toEqual([]);
    expect(await searchSources(db, null, "")).toEqual([]);
    expect((await getSourceDetail(db, kept.id, author.id)).source.title).toBe("Draft kept");
    await expect(getSourceDetail(db, kept.id, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await libraryBibliography(db)).toEqual([]);

    // Saving the edit that cites one puts that one in the library; the other stays a draft.
    await savePageRevision(db, { pageId: "drafted", doc: doc(p(cite(kept.id))), authorId: author.id, summary: "", baseRevisionId: null });
    expect(await inLibrary()).toEqual(["Draft kept"]);
    expect((await searchSources(db, other.id, "Draft")).map((s) => s.title)).toEqual(["Draft kept"]);
    expect((await getSourceDetail(db, kept.id, null)).citedIn.map((c) => c.pageId)).toEqual(["drafted"]);

    // The same address added to the library directly is the draft, now in the library.
    const again = await createSource(db, other, { url: "https://example.org/dropped", title: "Dropped, added again" });
    expect(again).toMatchObject({ id: dropped.id, existed: true });
    expect(await inLibrary()).toEqual(["Draft dropped", "Draft kept"]);
  });
});
