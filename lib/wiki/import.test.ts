import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { DokuWikiSyntaxError } from "../content/dokuwiki";
import type { Db } from "../db";
import { getArticle } from "./articles";
import { AppError } from "./errors";
import { SETTINGS, setSetting } from "./settings";
import { importDokuWikiPage } from "./import";
import { unique } from "../../test/factories";

const EXAMPLE = readFileSync(path.resolve("prisma/seed/gpt_5_2.txt"), "utf8");
const IMPORT_AI = "https://importai.substack.com/p/import-ai-454-automating-alignment";

/** The example article imported at a page id of its own, as revision 1 or, when its text is there already, as it is. */
async function importExample(db: Db, pageId = `gpt_5_2_${unique()}`) {
  const result = await importDokuWikiPage(db, { markup: EXAMPLE, fileName: "articles/gpt_5_2.txt", pageId });
  const page = await db.page.findUniqueOrThrow({ where: { slug: pageId }, include: { latestRevision: { include: { author: true } } } });
  return { result, page, revisionId: page.latestRevisionId! };
}

describeOnEachDatabase("importing DokuWiki pages", (database) => {
  it("stores the example as revision 1 by the system user, titled from its heading, named after its file", async () => {
    const { db } = database();
    expect((await importDokuWikiPage(db, { markup: EXAMPLE, fileName: "articles/gpt_5_2.txt" })).pageId).toBe("gpt_5_2");
    const { page } = await importExample(db);
    expect(page.title).toBe("GPT 5.2");
    expect(page.publishedRevisionId).toBe(page.latestRevisionId);
    expect(page.latestRevision?.number).toBe(1);
    expect(page.latestRevision?.author.role).toBe("system");
    expect(page.latestRevision?.summary).toBe("Imported from DokuWiki (gpt_5_2.txt)");
    expect(page.latestRevision?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("makes one source for the four identical footnotes, cited four times in order", async () => {
    const { db } = database();
    const { revisionId } = await importExample(db);
    const citations = await db.citation.findMany({ where: { revisionId }, orderBy: { position: "asc" }, include: { source: true } });
    expect(citations.map((c) => c.position)).toEqual([0, 1, 2, 3]);
    expect(new Set(citations.map((c) => c.sourceId)).size).toBe(1);
    expect(citations[0].source).toMatchObject({ url: IMPORT_AI, title: "Import AI - Automating Alignment (2026", type: "webpage" });
  });

  it("records every internal link target once", async () => {
    const { db } = database();
    const { revisionId } = await importExample(db);
    const links = await db.link.findMany({ where: { revisionId }, orderBy: { targetSlug: "asc" } });
    expect(links.map((l) => l.targetSlug)).toEqual([
      "claude_opus_4_5",
      "gpt_55_spud",
      "gpt_5_4",
      "gpt_5_4_cyber",
      "gpt_5_4_pro",
      "gpt_5_based_assistant",
      "kimi",
      "kimi_k2_5",
      "openai",
    ]);
  });

  it("makes no second revision when the same text is imported again", async () => {
    const { db } = database();
    const { page } = await importExample(db);
    const sources = await db.source.count();
    const again = await importDokuWikiPage(db, { markup: EXAMPLE, fileName: "gpt_5_2.txt", pageId: page.slug });
    expect(again).toMatchObject({ status: "unchanged", number: 1, pageId: page.slug });
    expect(await db.revision.count({ where: { pageId: page.id } })).toBe(1);
    expect(await db.source.count()).toBe(sources);
    expect(await db.citation.count({ where: { revision: { pageId: page.id } } })).toBe(4);
  });

  it("adds a revision when the text changes, and shares the source with other pages", async () => {
    const { db } = database();
    const { page } = await importExample(db);
    const sources = await db.source.count();
    const changed = EXAMPLE.replace("frontier large language model", "frontier language model");
    const result = await importDokuWikiPage(db, { markup: changed, pageId: page.slug });
    expect(result).toMatchObject({ status: "created", number: 2 });
    const revision = await db.revision.findUniqueOrThrow({ where: { id: result.revisionId } });
    expect(revision.sizeDelta).toBe(-"large ".length);

    await importDokuWikiPage(db, { markup: `====== OpenAI ======\nA lab ((see [[${IMPORT_AI}|the newsletter]]))`, pageId: `openai_${page.slug}` });
    expect(await db.source.count()).toBe(sources);
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
    const { db } = database();
    const { page } = await importExample(db);
    await importDokuWikiPage(db, { markup: "====== OpenAI ======\nA lab.", pageId: "openai" });
    const article = await getArticle(db, page.slug.toUpperCase());
    expect(article?.title).toBe("GPT 5.2");
    expect(article?.rendered.references).toHaveLength(1);
    expect(article?.rendered.references[0].uses).toHaveLength(4);
    expect(article?.rendered.html).toContain('<a href="/wiki/openai" class="wikilink">OpenAI</a>');
    expect(article?.rendered.html).toContain('class="wikilink missing"');
    expect(await getArticle(db, "no_such_page")).toBeNull();
  });

  it("keeps footnote text, resolves links from the page's namespace and shows known pages' titles", async () => {
    const { db } = database();
    await importExample(db, "gpt_5_2");
    const markup = [
      "====== Scaling ======",
      "===== Early history =====",
      "Text((Anthropic, [[https://policy.example/rsp|the policy]], 2023.)) [[sibling]] [[:gpt_5_2]] [[#Early history]] {{chart.png}}",
    ].join("\n");
    const result = await importDokuWikiPage(db, { markup, pageId: "policy:scaling" });
    expect(result.warnings.map((w) => [w.line, w.construct])).toEqual([[3, "{{chart.png}}"]]);
    const article = await getArticle(db, "policy:scaling");
    expect(article?.rendered.references[0].note).toBe('Anthropic, <a href="https://policy.example/rsp" class="external" rel="nofollow noopener noreferrer">the policy</a>, 2023.');
    const html = article?.rendered.html ?? "";
    expect(html).toContain('<h2 id="early_history">');
    expect(html).toContain('href="/wiki/policy:scaling#early_history"');
    expect(html).toContain('href="/wiki/policy:sibling"');
    expect(html).toContain('<a href="/wiki/gpt_5_2" class="wikilink">GPT 5.2</a>');
    expect(await db.source.findFirst({ where: { url: "https://policy.example/rsp" } })).toMatchObject({ title: "the policy" });
  });

  it("links interwiki shortcuts with the site's map", async () => {
    const { db } = database();
    await setSetting(db, SETTINGS.interwiki, "corp https://intranet.example/wiki/{NAME}");
    try {
      await importDokuWikiPage(db, { markup: "[[corp>Plans]] [[wp>Plans]]", pageId: "interwiki_page" });
      const html = (await getArticle(db, "interwiki_page"))?.rendered.html ?? "";
      expect(html).toContain('href="https://intranet.example/wiki/Plans"');
      expect(html).toContain("[[wp&gt;Plans]]");
    } finally {
      await db.setting.deleteMany({ where: { key: SETTINGS.interwiki.key } });
    }
  });

  it("refuses, with --strict, a page with anything not imported as written, and writes nothing", async () => {
    const { db } = database();
    const before = await db.revision.count();
    const error = await importDokuWikiPage(db, { markup: "~~NOTOC~~\ntext", pageId: "strict_page", strict: true }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.details.warnings).toEqual([{ line: 1, construct: "~~NOTOC~~", message: "the table of contents is always shown" }]);
    expect(await db.revision.count()).toBe(before);
  });
});
