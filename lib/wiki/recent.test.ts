import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { DocumentJSON } from "../content/document";
import { type Account, createAccount } from "./accounts";
import { revisionsAtom } from "./feeds";
import { getRecentChanges } from "./recent";
import { getLatestRevision, savePageRevision } from "./revisions";

const doc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describeOnEachDatabase("recent changes", (database) => {
  let ada: Account;
  let bob: Account;

  async function save(author: Account, pageId: string, text: string, minor = false) {
    const { db } = database();
    const latest = await getLatestRevision(db, pageId);
    await savePageRevision(db, { pageId, doc: doc(text), authorId: author.id, summary: `${author.name} on ${pageId}`, minor, baseRevisionId: latest?.revisionId ?? null });
  }

  it("lists changes across pages newest first, filtered by namespace, author and minor edits", async () => {
    const { db } = database();
    ada = await createAccount(db, { email: "ada@example.org", name: "Ada", password: "correct horse battery" });
    bob = await createAccount(db, { email: "bob@example.org", name: "Bob", password: "correct horse battery" });
    await save(ada, "top", "one");
    await save(bob, "science:physics", "two");
    await save(ada, "science:physics:optics", "three");
    await save(bob, "top", "four", true);
    await save(ada, "sciencefiction", "five");

    const summaries = async (filter: Parameters<typeof getRecentChanges>[1]) => (await getRecentChanges(db, filter)).changes.map((c) => c.summary);
    expect(await summaries({})).toEqual(["Ada on sciencefiction", "Bob on top", "Ada on science:physics:optics", "Bob on science:physics", "Ada on top"]);
    expect(await summaries({ namespace: "science" })).toEqual(["Ada on science:physics:optics", "Bob on science:physics"]);
    expect(await summaries({ namespace: "" })).toEqual(["Ada on sciencefiction", "Bob on top", "Ada on top"]);
    expect(await summaries({ author: "Bob" })).toEqual(["Bob on top", "Bob on science:physics"]);
    expect(await summaries({ hideMinor: true, author: "Bob" })).toEqual(["Bob on science:physics"]);
    expect(await summaries({ author: "Nobody" })).toEqual([]);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const { db } = database();
    const first = await getRecentChanges(db, { limit: 2 });
    const second = await getRecentChanges(db, { limit: 2, before: first.older! });
    const third = await getRecentChanges(db, { limit: 2, before: second.older! });
    expect([...first.changes, ...second.changes, ...third.changes].map((c) => c.id)).toEqual((await getRecentChanges(db, {})).changes.map((c) => c.id));
    expect(third.older).toBeNull();
  });

  it("makes an Atom feed whose text is escaped", async () => {
    const { db } = database();
    await save(ada, "top", "six");
    const [latest] = (await getRecentChanges(db, { limit: 1 })).changes;
    const xml = revisionsAtom({
      origin: "https://wiki.example",
      title: "Recent & <changes>",
      selfPath: "/recent/feed",
      htmlPath: "/recent",
      revisions: [{ ...latest, summary: `<script>alert("x")</script> & more` }],
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("<title>Recent &amp; &lt;changes&gt;</title>");
    expect(xml).toContain("<id>https://wiki.example/wiki/top?rev=");
    expect(xml).toContain(`href="https://wiki.example/wiki/top/diff?from=${latest.number - 1}&amp;to=${latest.number}"`);
    // Summaries are typed as HTML in the feed, so their text arrives escaped inside the CDATA.
    expect(xml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("<name>Ada</name>");
  });
});
