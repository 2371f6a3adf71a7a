import { expect, it } from "vitest";
import { buildAccount, textDoc, unique } from "../../test/factories";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { Db } from "../db";
import type { Account } from "./accounts";
import { revisionsAtom } from "./feeds";
import { getRecentChanges } from "./recent";
import { getLatestRevision, savePageRevision } from "./revisions";

/** Two editors, and pages whose ids end in a tag of their own, saved with the summary "<who> on <page>". */
async function twoEditors(db: Db) {
  const tag = unique();
  const [ada, bob] = [await buildAccount(db, "editor", "Ada"), await buildAccount(db, "editor", "Bob")];
  const page = (name: string) => `${name}${tag}`;
  const save = async (author: Account, name: string, text: string, minor = false) => {
    const pageId = page(name);
    const latest = await getLatestRevision(db, pageId);
    const who = author === ada ? "Ada" : "Bob";
    await savePageRevision(db, { pageId, doc: textDoc(text), authorId: author.id, summary: `${who} on ${name}`, minor, baseRevisionId: latest?.revisionId ?? null });
  };
  /** This test's changes among those the filter lists, by summary. */
  const summaries = async (filter: Parameters<typeof getRecentChanges>[1]) =>
    (await getRecentChanges(db, filter)).changes.filter((c) => c.pageId.endsWith(tag)).map((c) => c.summary);
  return { tag, ada, bob, page, save, summaries };
}

describeOnEachDatabase("recent changes", (database) => {
  it("lists changes across pages newest first, filtered by namespace, author and minor edits", async () => {
    const { tag, ada, bob, save, summaries } = await twoEditors(database().db);
    await save(ada, "top", "one");
    await save(bob, "science:physics", "two");
    await save(ada, "science:physics:optics", "three");
    await save(bob, "top", "four", true);
    await save(ada, "sciencefiction", "five");

    expect(await summaries({})).toEqual(["Ada on sciencefiction", "Bob on top", "Ada on science:physics:optics", "Bob on science:physics", "Ada on top"]);
    expect(await summaries({ namespace: "science" })).toEqual(["Ada on science:physics:optics", "Bob on science:physics"]);
    expect(await summaries({ namespace: "science:physics" })).toEqual(["Ada on science:physics:optics"]);
    expect(await summaries({ namespace: "" })).toEqual(["Ada on sciencefiction", "Bob on top", "Ada on top"]);
    expect(await summaries({ author: bob.name })).toEqual(["Bob on top", "Bob on science:physics"]);
    expect(await summaries({ hideMinor: true, author: bob.name })).toEqual(["Bob on science:physics"]);
    expect(await summaries({ author: `Nobody ${tag}` })).toEqual([]);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const { db } = database();
    const { ada, save } = await twoEditors(db);
    for (const name of ["one", "two", "three", "four", "five"]) await save(ada, name, name);
    const first = await getRecentChanges(db, { limit: 2, author: ada.name });
    const second = await getRecentChanges(db, { limit: 2, author: ada.name, before: first.older! });
    const third = await getRecentChanges(db, { limit: 2, author: ada.name, before: second.older! });
    expect([...first.changes, ...second.changes, ...third.changes].map((c) => c.summary)).toEqual(["Ada on five", "Ada on four", "Ada on three", "Ada on two", "Ada on one"]);
    expect(third.older).toBeNull();
  });

  it("makes an Atom feed whose text is escaped", async () => {
    const { db } = database();
    const { ada, page, save } = await twoEditors(db);
    await save(ada, "top", "one");
    await save(ada, "top", "two");
    const [latest] = (await getRecentChanges(db, { limit: 1, author: ada.name })).changes;
    const xml = revisionsAtom({
      origin: "https://wiki.example",
      title: "Recent & <changes>",
      selfPath: "/recent/feed",
      htmlPath: "/recent",
      revisions: [{ ...latest, summary: `<script>alert("x")</script> & more` }],
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("<title>Recent &amp; &lt;changes&gt;</title>");
    expect(xml).toContain(`<id>https://wiki.example/wiki/${page("top")}?rev=`);
    expect(xml).toContain(`href="https://wiki.example/wiki/${page("top")}/diff?from=1&amp;to=2"`);
    // Summaries are typed as HTML in the feed, so their text arrives escaped inside the CDATA.
    expect(xml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain(`<name>${ada.name}</name>`);
  });
});
