import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { findEntries } from "../search/engine";
import { parseQuery } from "../search/query";
import type { DocumentJSON, NodeJSON } from "../content/document";
import { type Account } from "./accounts";
import { savePageEdit } from "./edit";
import { deletePage, renamePage, restorePage } from "./lifecycle";
import { approveRevision, rejectRevision, setReviewPolicy } from "./review";
import { getLatestRevision } from "./revisions";
import { reindexAll, type SearchResults, searchPages, suggestTitles } from "./search";
import { updateSource } from "./source-records";
import { createSource } from "./sources";
import { buildAccount } from "../../test/factories";

const text = (value: string): NodeJSON => ({ type: "text", text: value });
const paragraph = (...content: NodeJSON[]): NodeJSON => ({ type: "paragraph", content });
const heading = (value: string): NodeJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(value)] });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });

/** A word no other test uses, so each test finds only its own pages. */
const unique = () => `w${randomBytes(4).toString("hex")}`;

describeOnEachDatabase("searching pages", (database) => {
  const accounts: Partial<Record<"admin" | "editor" | "reviewer", Account>> = {};
  async function account(role: "admin" | "editor" | "reviewer") {
    accounts[role] ??= await buildAccount(database().db, role);
    return accounts[role]!;
  }
  async function save(pageId: string, body: DocumentJSON, as: "admin" | "editor" | "reviewer" = "admin") {
    const latest = await getLatestRevision(database().db, pageId);
    return savePageEdit(database().db, await account(as), { pageId, doc: body, summary: "", minor: false, baseRevisionId: latest?.revisionId ?? null });
  }
  const search = (q: string, as: Account | null = null, options: { namespace?: string; limit?: number; cursor?: string } = {}) => searchPages(database().db, as, { q, ...options });
  const ids = (results: SearchResults) => results.results.map((r) => r.pageId);

  it("ranks an exact title first, then titles and headings above the text", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`body_${tag}`, doc(paragraph(text(`Only the text says ${word} once.`))));
    await save(`heading_${tag}`, doc(heading(`About ${word}`), paragraph(text("Nothing else."))));
    await save(`title_${tag}`, doc(paragraph(text("No mention in the text."))));
    await database().db.page.update({ where: { slug: `title_${tag}` }, data: { title: `The ${word} story` } });
    await save(`title_${tag}`, doc(paragraph(text("Still no mention in the text."))));
    await save(`exact_${tag}`, doc(paragraph(text(`A page named after it: ${word}.`))));
    await database().db.page.update({ where: { slug: `exact_${tag}` }, data: { title: word } });
    await save(`exact_${tag}`, doc(paragraph(text(`A page named after it: ${word}!`))));

    const found = await search(word);
    expect(ids(found)).toEqual([`exact_${tag}`, `title_${tag}`, `heading_${tag}`, `body_${tag}`]);
    expect(found.exact).toEqual({ pageId: `exact_${tag}` });
    expect(found.total).toBe(4);
  });

  it("ranks a window of the sections a common word is in, title and heading hits always among them", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`heading_${tag}`, doc(heading(`On ${word}`), paragraph(text("Nothing else."))));
    for (const n of [1, 2, 3]) await save(`text_${n}_${tag}`, doc(paragraph(text(`The text says ${word}.`))));
    const found = await findEntries(database().db, parseQuery(word), { audience: "readers", namespace: null, first: null, limit: 10, offset: 0, ranked: 2 });
    const slugs = await database().db.page.findMany({ where: { id: { in: found.hits.map((h) => h.pageDbId) } }, select: { id: true, slug: true } });
    const slugOf = new Map(slugs.map((p) => [p.id, p.slug]));
    // Which two sections make the window is the engine's order; the heading hit is ranked whatever it is.
    const [first, ...rest] = found.hits.map((h) => slugOf.get(h.pageDbId));
    expect(first).toBe(`heading_${tag}`);
    expect(rest.length).toBeGreaterThan(0);
    for (const slug of rest) expect(slug).toMatch(/^text_\d_/);
    expect(found).toMatchObject({ total: 1 + rest.length, capped: true });
    expect(await findEntries(database().db, parseQuery(word), { audience: "readers", namespace: null, first: null, limit: 10, offset: 0, ranked: 5 })).toMatchObject({
      total: 4,
      capped: false,
    });
  });

  it("ranks the window of a word nearly every section has by shortness (SQLite), by rank otherwise", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`long_${tag}`, doc(paragraph(text(`${word} and ${word} and ${word} again, in a text of some length.`))));
    await save(`short_${tag}`, doc(paragraph(text(`Only once: ${word}, in a text.`))));
    const order = async (commonWord: number) => {
      const { hits } = await findEntries(database().db, parseQuery(word), { audience: "readers", namespace: null, first: null, limit: 10, offset: 0, commonWord });
      const pages = await database().db.page.findMany({ where: { id: { in: hits.map((h) => h.pageDbId) } }, select: { id: true, slug: true } });
      return hits.map((h) => pages.find((p) => p.id === h.pageDbId)!.slug.split("_")[0]);
    };
    expect(await order(1)).toEqual(database().kind === "sqlite" ? ["short", "long"] : ["long", "short"]);
    expect(await order(1_000)).toEqual(["long", "short"]);
  });

  it("shows the section a hit is in, and the passage with its words marked, as plain text", async () => {
    const [word, tag] = [unique(), unique()];
    await save(
      `sections_${tag}`,
      doc(paragraph(text("An introduction.")), heading("Safety and Alignment"), paragraph(text(`Here <script>alert(1)</script> is ${word} in context.`))),
    );
    const [result] = (await search(word)).results;
    expect(result.section).toEqual({ anchor: "safety_and_alignment", heading: "Safety and Alignment" });
    expect(result.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual([word]);
    expect(result.snippet.map((p) => p.text).join("")).toContain("<script>alert(1)</script>");
    expect(result.editedAt).toBeInstanceOf(Date);
  });

  it("stems English words, matches quoted phrases, excludes -words and filters by namespace", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`models:running_${tag}`, doc(paragraph(text(`The ${word} models were running evaluations quickly.`))));
    await save(`policy:walks_${tag}`, doc(paragraph(text(`The ${word} policy evaluations quickly ran out.`))));
    expect(ids(await search(`${word} run`))).toEqual([`models:running_${tag}`]);
    expect(ids(await search(`${word} evaluation`)).sort()).toEqual([`models:running_${tag}`, `policy:walks_${tag}`]);
    expect(ids(await search(`"${word} models were running"`))).toEqual([`models:running_${tag}`]);
    expect(ids(await search(`"running ${word}"`))).toEqual([]);
    expect(ids(await search(`${word} -policy`))).toEqual([`models:running_${tag}`]);
    // A heading with the word is left out too when its section's text holds an excluded word.
    await save(`headed_${tag}`, doc(heading(`On ${word}`), paragraph(text("A word on policy."))));
    expect(ids(await search(`${word} -policy`))).toEqual([`models:running_${tag}`]);
    expect(ids(await search(`${word} -"word on"`))).toEqual([`models:running_${tag}`, `policy:walks_${tag}`]);
    expect(ids(await search(`${word} ns:policy`))).toEqual([`policy:walks_${tag}`]);
    expect(ids(await search(word, null, { namespace: "models" }))).toEqual([`models:running_${tag}`]);
  });

  it("finds quoted phrases in their order only, through stop words, in headings, several at once", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`phrases_${tag}`, doc(heading(`${word} origins`), paragraph(text(`The cat in the hat met ${word} who ate apples slowly.`))));
    await save(`scrambled_${tag}`, doc(paragraph(text(`Origins: ${word}. Apples ate ${word} slowly; hat the in cat.`))));
    expect(ids(await search(`"cat in the hat" ${word}`))).toEqual([`phrases_${tag}`]);
    expect(ids(await search(`"${word} origins"`))).toEqual([`phrases_${tag}`]);
    expect(ids(await search(`"who ate apples slowly" "met ${word}"`))).toEqual([`phrases_${tag}`]);
    expect(ids(await search(`"ate apples slowly" ${word}`))).toEqual([`phrases_${tag}`]);
    expect(ids(await search(`"apples ate ${word}"`))).toEqual([`scrambled_${tag}`]);
  });

  it("finds a name with inner punctuation, quoted or not, as each engine read it into words", async () => {
    const tag = unique();
    await save(`release_${tag}`, doc(paragraph(text(`GPT-5.2 was released to ${tag} readers.`))));
    for (const query of [`"gpt-5.2" ${tag}`, `gpt-5.2 ${tag}`, `"GPT-5.2 was released" ${tag}`]) expect(ids(await search(query))).toEqual([`release_${tag}`]);
    expect(ids(await search(`"gpt-5.3" ${tag}`))).toEqual([]);
    expect(ids(await search(`${tag} -gpt-5.2`))).toEqual([]);
  });

  it("finds pages by the titles and authors of the sources they cite", async () => {
    const [word, tag] = [unique(), unique()];
    const source = await createSource(database().db, await account("editor"), { title: `Report on ${word}`, authors: "Lovelace, Ada", url: `https://example.org/${word}` });
    await save(`cites_${tag}`, doc(paragraph(text("A claim."), { type: "citation", attrs: { sourceId: source.id, locator: null, quote: null } })));
    const [result] = (await search(`${word} lovelace`)).results;
    expect(result.pageId).toBe(`cites_${tag}`);
    expect(result.section).toEqual({ anchor: "references", heading: "References" });
    const renamed = unique();
    await updateSource(database().db, await account("admin"), source.id, {
      type: "webpage",
      title: `Study of ${renamed}`,
      authors: "Lovelace, Ada",
      url: `https://example.org/${word}`,
    });
    expect(ids(await search(renamed))).toEqual([`cites_${tag}`]);
    expect(ids(await search(word))).toEqual([]);
  });

  it("follows every change: new text, a rename, a deletion and a restoration", async () => {
    const [before, after, tag] = [unique(), unique(), unique()];
    const pageId = `changing_${tag}`;
    await save(pageId, doc(paragraph(text(`Old words: ${before}.`))));
    expect(ids(await search(before))).toEqual([pageId]);
    await save(pageId, doc(paragraph(text(`New words: ${after}.`))));
    expect(ids(await search(before))).toEqual([]);
    expect(ids(await search(after))).toEqual([pageId]);

    const admin = await account("admin");
    await renamePage(database().db, admin, { pageId, newPageId: `renamed_${tag}` });
    // The redirect left behind is not a result of its own.
    expect(ids(await search(after))).toEqual([`renamed_${tag}`]);
    await deletePage(database().db, admin, { pageId: `renamed_${tag}` });
    expect(ids(await search(after))).toEqual([]);
    expect(await suggestTitles(database().db, `changing ${tag}`)).toEqual([]);
    await restorePage(database().db, admin, { pageId: `renamed_${tag}` });
    expect(ids(await search(after))).toEqual([`renamed_${tag}`]);

    if (database().kind === "sqlite") {
      // SQLite's full-text indexes hold the words of the entries there are, and no others.
      const count = async (table: string) => Number((await database().db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
      const entries = await count("SearchEntry");
      expect(await count("SearchText")).toBe(entries);
      expect(await count("SearchHeads")).toBe(entries);
    }
  });

  it("keeps text waiting for review from readers, shows it to reviewers, and follows the decision", async () => {
    const word = unique();
    const namespace = `reviewed${word}`;
    await setReviewPolicy(database().db, await account("admin"), { namespace, policy: "required" });
    const pageId = `${namespace}:page`;
    await save(pageId, doc(paragraph(text("Approved text."))));
    const first = await save(pageId, doc(paragraph(text(`Pending ${word} text.`))), "editor");
    expect(first).toMatchObject({ pending: true });
    const reviewer = await account("reviewer");
    expect(ids(await search(word))).toEqual([]);
    expect(ids(await search(word, await account("editor")))).toEqual([]);
    expect(ids(await search(word, reviewer))).toEqual([pageId]);
    expect(ids(await search("approved", reviewer, { namespace }))).toEqual([]);
    // Each finds the page as of the revision it reads: readers the approved one, reviewers the pending one.
    const written = await database().db.revision.findMany({ where: { page: { slug: pageId } }, orderBy: { number: "asc" }, select: { createdAt: true } });
    expect((await search(word, reviewer)).results[0].editedAt).toEqual(written[1].createdAt);
    expect((await search("approved", null, { namespace })).results[0].editedAt).toEqual(written[0].createdAt);

    await approveRevision(database().db, reviewer, { pageId, number: 2 });
    expect(ids(await search(word))).toEqual([pageId]);

    const other = unique();
    await save(pageId, doc(paragraph(text(`Rejected ${other} text.`))), "editor");
    expect(ids(await search(other, reviewer))).toEqual([pageId]);
    await rejectRevision(database().db, reviewer, { pageId, number: 3, comment: "Unsourced." });
    expect(ids(await search(other, reviewer))).toEqual([]);
    expect(ids(await search(word, reviewer))).toEqual([pageId]);
  });

  it("pages through results with a cursor", async () => {
    const [word, tag] = [unique(), unique()];
    for (let i = 0; i < 5; i++) await save(`many_${tag}_${i}`, doc(paragraph(text(`${word} number ${i}.`))));
    const first = await search(word, null, { limit: 2 });
    expect(first.total).toBe(5);
    const second = await search(word, null, { limit: 2, cursor: first.nextCursor! });
    const third = await search(word, null, { limit: 2, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    expect(new Set([...ids(first), ...ids(second), ...ids(third)]).size).toBe(5);
  });

  it("suggests titles as one types, and a near title when little matches", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`suggest_${tag}`, doc(paragraph(text("Text."))));
    await database().db.page.update({ where: { slug: `suggest_${tag}` }, data: { title: `Orbital ${word} mechanics` } });
    await save(`suggest_${tag}`, doc(paragraph(text("More text."))));
    expect(await suggestTitles(database().db, `orbital ${word.slice(0, 5)}`)).toEqual([{ pageId: `suggest_${tag}`, title: `Orbital ${word} mechanics` }]);
    expect(await suggestTitles(database().db, `${word} mech`)).toEqual([{ pageId: `suggest_${tag}`, title: `Orbital ${word} mechanics` }]);
    expect((await suggestTitles(database().db, "o")).length).toBeLessThanOrEqual(8);
    const typo = `Orbitel ${word} mechanic`;
    expect((await search(typo)).didYouMean).toEqual({ pageId: `suggest_${tag}`, title: `Orbital ${word} mechanics` });
  });

  it("rebuilds the whole index from the pages", async () => {
    const [word, tag] = [unique(), unique()];
    await save(`rebuilt_${tag}`, doc(paragraph(text(`${word} survives a rebuild.`))));
    const progress: number[] = [];
    const done = await reindexAll(database().db, (count) => progress.push(count));
    expect(done).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(done);
    expect(ids(await search(word))).toEqual([`rebuilt_${tag}`]);
    // The planner knows the tables as they are now (PostgreSQL counts -1 rows in a table never analysed).
    const { db } = database();
    const [{ rows }] =
      database().kind === "sqlite"
        ? await db.$queryRaw<{ rows: number }[]>`SELECT count(*) AS rows FROM sqlite_stat1 WHERE tbl = 'Page'`
        : await db.$queryRaw<{ rows: number }[]>`SELECT reltuples AS rows FROM pg_class WHERE relname = 'Page'`;
    expect(Number(rows)).toBeGreaterThan(0);
  });

  it("answers any query, operators and unicode included, without an error", async () => {
    for (const q of ["", " ", "x", "a".repeat(2_000), '" * ( ) : NEAR AND OR - ^ ~ \\', "-", '""', "NOT", "ns:", "東京 Zürich 🙂", "%_\\'", '\'; DROP TABLE "Page"; --']) {
      const results = await search(q);
      expect(results.results).toBeInstanceOf(Array);
    }
    expect((await search("")).problem).toBe("Type a word to search for.");
    expect((await search("-alone")).problem).toMatch(/Add a word/);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 40 }), async (q) => {
        await search(q);
        await suggestTitles(database().db, q);
      }),
      { numRuns: 150 },
    );
  });
});
