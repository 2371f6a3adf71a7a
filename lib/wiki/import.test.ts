import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { DokuWikiSyntaxError } from "../content/dokuwiki";
import { getArticle } from "./articles";
import { importDokuWikiPage } from "./import";

const EXAMPLE = readFileSync(path.resolve("prisma/seed/gpt_5_2.txt"), "utf8");
const IMPORT_AI = "https://importai.substack.com/p/import-ai-454-automating-alignment";

describeOnEachDatabase("importing DokuWiki pages", (database) => {
  beforeAll(async () => {
    await importDokuWikiPage(database().db, { markup: EXAMPLE, fileName: "articles/gpt_5_2.txt" });
  });

  it("stores the example as revision 1 by the system user, titled from its heading", async () => {
    const { db } = database();
    const page = await db.page.findUniqueOrThrow({ where: { slug: "gpt_5_2" }, include: { latestRevision: { include: { author: true } } } });
    expect(page.title).toBe("GPT 5.2");
    expect(page.publishedRevisionId).toBe(page.latestRevisionId);
    expect(page.latestRevision?.number).toBe(1);
    expect(page.latestRevision?.author.role).toBe("system");
    expect(page.latestRevision?.summary).toBe("Imported from DokuWiki (gpt_5_2.txt)");
    expect(page.latestRevision?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes one source for the four identical footnotes, cited four times in order", async () => {
    const { db } = database();
    const sources = await db.source.findMany();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ url: IMPORT_AI, title: "Import AI - Automating Alignment (2026", type: "webpage" });
    const citations = await db.citation.findMany({ orderBy: { position: "asc" } });
    expect(citations.map((c) => [c.position, c.sourceId])).toEqual([0, 1, 2, 3].map((p) => [p, sources[0].id]));
  });

  it("records every internal link target once", async () => {
    const links = await database().db.link.findMany({ orderBy: { targetSlug: "asc" } });
    expect(links.map((l) => l.targetSlug)).toEqual([
      "claude_opus_4_5", "gpt_55_spud", "gpt_5_4", "gpt_5_4_cyber", "gpt_5_4_pro", "gpt_5_based_assistant", "kimi", "kimi_k2_5", "openai",
    ]);
  });

  it("makes no second revision when the same text is imported again", async () => {
    const { db } = database();
    const again = await importDokuWikiPage(db, { markup: EXAMPLE, fileName: "gpt_5_2.txt" });
    expect(again).toMatchObject({ status: "unchanged", number: 1, pageId: "gpt_5_2" });
    expect(await db.revision.count()).toBe(1);
    expect(await db.source.count()).toBe(1);
    expect(await db.citation.count()).toBe(4);
  });

  it("adds a revision when the text changes, and shares the source with other pages", async () => {
    const { db } = database();
    const changed = EXAMPLE.replace("frontier large language model", "frontier language model");
    const result = await importDokuWikiPage(db, { markup: changed, pageId: "gpt_5_2" });
    expect(result).toMatchObject({ status: "created", number: 2 });
    const revision = await db.revision.findUniqueOrThrow({ where: { id: result.revisionId } });
    expect(revision.sizeDelta).toBe(-"large ".length);

    await importDokuWikiPage(db, { markup: `====== OpenAI ======\nA lab ((see [[${IMPORT_AI}|the newsletter]]))`, pageId: "openai" });
    expect(await db.source.count()).toBe(1);
  });

  it("refuses invalid input with the line at fault and writes nothing", async () => {
    const { db } = database();
    const before = await Promise.all([db.page.count(), db.revision.count(), db.source.count(), db.user.count()]);
    const broken = "====== Broken ======\n\nText ((a new source [[https://example.org/new|New]]))\n\n<code>\nnever closed";
    await expect(importDokuWikiPage(db, { markup: broken, pageId: "broken" })).rejects.toThrow(DokuWikiSyntaxError);
    await expect(importDokuWikiPage(db, { markup: broken, pageId: "broken" })).rejects.toThrow("line 5");
    const after = await Promise.all([db.page.count(), db.revision.count(), db.source.count(), db.user.count()]);
    expect(after).toEqual(before);
  });

  it("reads the article back rendered, with links to existing pages no longer marked missing", async () => {
    const article = await getArticle(database().db, "GPT_5_2");
    expect(article?.title).toBe("GPT 5.2");
    expect(article?.rendered.references).toHaveLength(1);
    expect(article?.rendered.references[0].uses).toHaveLength(4);
    expect(article?.rendered.html).toContain('<a href="/wiki/openai" class="wikilink">OpenAI</a>');
    expect(article?.rendered.html).toContain('class="wikilink missing"');
    expect(await getArticle(database().db, "no_such_page")).toBeNull();
  });
});
