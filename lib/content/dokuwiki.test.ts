import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectCitations, collectLinkTargets, type NodeJSON, textContent } from "./document";
import { DokuWikiSyntaxError, parseDokuWiki } from "./dokuwiki";
import { schema } from "./schema";

const parse = (markup: string) => parseDokuWiki(markup);
const blocks = (markup: string) => parse(markup).doc.content;
const inline = (markup: string) => blocks(markup)[0].content ?? [];
const marksOf = (node: NodeJSON) => (node.marks ?? []).map((m) => m.type);

describe("the example article", () => {
  const article = parse(readFileSync(path.resolve("prisma/seed/gpt_5_2.txt"), "utf8"));

  it("takes its title from the top heading and keeps every section", () => {
    expect(article.title).toBe("GPT 5.2");
    const headings = article.doc.content.filter((b) => b.type === "heading");
    expect(headings.map((h) => [h.attrs?.level, textContent(h)])).toEqual([
      [2, "Overview and Capabilities"],
      [2, "Safety and Alignment Characteristics"],
      [2, "Comparative Evaluation Framework"],
      [2, "Industry Context"],
      [2, "See Also"],
    ]);
  });

  it("imports the unbalanced footnote label as written, as one source cited four times", () => {
    expect(article.sources).toEqual([
      {
        key: expect.any(String),
        type: "webpage",
        title: "Import AI - Automating Alignment (2026",
        url: "https://importai.substack.com/p/import-ai-454-automating-alignment",
      },
    ]);
    const citations = collectCitations(article.doc);
    expect(citations).toHaveLength(4);
    expect(new Set(citations.map((c) => c.sourceId))).toEqual(new Set([article.sources[0].key]));
    // Nothing of the footnote leaks into the text around it.
    expect(textContent(article.doc)).not.toContain("((");
    expect(textContent(article.doc)).not.toContain("Import AI");
  });

  it("keeps the See Also list and drops the empty References heading the wiki generates", () => {
    const last = article.doc.content.at(-1)!;
    expect(last.type).toBe("bulletList");
    expect(last.content).toHaveLength(5);
    expect(collectLinkTargets(last)).toEqual(["gpt_5_4", "gpt_5_4_pro", "gpt_55_spud", "gpt_5_4_cyber", "gpt_5_based_assistant"]);
    expect(textContent(last.content![2])).toBe("GPT-5.5 'Spud'");
  });

  it("fits the editor's schema", () => {
    expect(() => schema.nodeFromJSON(article.doc).check()).not.toThrow();
  });
});

describe("block markup", () => {
  it("reads all five heading levels, six equals signs being the top", () => {
    const doc = blocks("lead\n\n====== One ======\n===== Two =====\n==== Three ====\n=== Four ===\n== Five ==").slice(1);
    expect(doc.map((b) => [b.type, b.attrs?.level, textContent(b)])).toEqual([
      ["heading", 1, "One"], ["heading", 2, "Two"], ["heading", 3, "Three"], ["heading", 4, "Four"], ["heading", 5, "Five"],
    ]);
    // A first top-level heading is the title; a second one stays in the body.
    expect(parse("====== T ======\n\ntext\n\n====== Again ======").doc.content.map((b) => b.type)).toEqual(["paragraph", "heading"]);
  });

  it("joins consecutive lines into one paragraph and splits on blank lines", () => {
    const doc = blocks("first line\nsecond line\n\nnext paragraph");
    expect(doc.map(textContent)).toEqual(["first line second line", "next paragraph"]);
  });

  it("nests unordered and ordered lists to any depth", () => {
    const [list] = blocks("  * one\n    * one.a\n      - one.a.i\n  * two");
    expect(list.type).toBe("bulletList");
    expect(list.content).toHaveLength(2);
    const nested = list.content![0].content![1];
    expect(nested.type).toBe("bulletList");
    expect(nested.content![0].content![1].type).toBe("orderedList");
    expect(textContent(nested.content![0].content![1])).toBe("one.a.i");
    const [ordered, bullets] = blocks("  - first\n  - second\n  * other kind");
    expect([ordered.type, ordered.content?.length, bullets.type]).toEqual(["orderedList", 2, "bulletList"]);
  });

  it("reads tables with header cells, alignment and column spans", () => {
    const [table] = blocks("^ Model ^ Score ^\n| GPT | 1 |\n| wide ||\n|  right|");
    const rows = table.content!;
    expect(rows[0].content!.map((c) => c.type)).toEqual(["tableHeader", "tableHeader"]);
    expect(rows[1].content!.map(textContent)).toEqual(["GPT", "1"]);
    expect(rows[2].content![0].attrs?.colspan).toBe(2);
    expect(rows[3].content![0].attrs?.align).toBe("right");
    expect(() => schema.nodeFromJSON({ type: "doc", content: [table] }).check()).not.toThrow();
  });

  it("keeps a link containing a bar inside one table cell", () => {
    const [table] = blocks("| [[page|label]] | b |");
    expect(table.content![0].content!.map(textContent)).toEqual(["label", "b"]);
  });

  it("reads quotes, nested by the number of >", () => {
    const [quote] = blocks("> said\n> on two lines\n>> replied");
    expect(quote.type).toBe("blockquote");
    expect(textContent(quote.content![0])).toBe("said on two lines");
    expect(quote.content![1].type).toBe("blockquote");
    expect(textContent(quote.content![1])).toBe("replied");
  });

  it("reads code and file blocks with their language, and indented preformatted text", () => {
    const [code, file, pre] = blocks("<code python>\nprint('**not bold**')\n</code>\n<file>\nx\n</file>\n\n  indented  text");
    expect(code).toEqual({ type: "codeBlock", attrs: { language: "python" }, content: [{ type: "text", text: "print('**not bold**')" }] });
    expect(textContent(file)).toBe("x");
    expect(pre).toEqual({ type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: "indented  text" }] });
  });

  it("reads horizontal rules", () => {
    expect(blocks("above\n\n----\n\nbelow").map((b) => b.type)).toEqual(["paragraph", "horizontalRule", "paragraph"]);
  });
});

describe("inline markup", () => {
  it("reads bold, italic, underline and monospace, nested", () => {
    const nodes = inline("**bold //both//** __under__ ''mono **raw**''");
    expect(nodes.map((n) => [n.text, marksOf(n)])).toEqual([
      ["bold ", ["bold"]],
      ["both", ["bold", "italic"]],
      [" ", []],
      ["under", ["underline"]],
      [" ", []],
      ["mono **raw**", ["code"]],
    ]);
  });

  it("does not read the // of a URL as italics", () => {
    const nodes = inline("see https://example.org/a//b and //this//");
    expect(nodes.find((n) => n.text === "https://example.org/a//b")?.marks?.[0].attrs?.href).toBe("https://example.org/a//b");
    expect(nodes.find((n) => n.text === "this")?.marks?.map((m) => m.type)).toEqual(["italic"]);
  });

  it("reads internal links with and without labels, namespaces and sections", () => {
    const nodes = inline("[[openai|OpenAI]] [[Claude Opus]] [[policy:Responsible Scaling#Early history|RSP]] [[#local]]");
    const links = nodes.filter((n) => n.marks?.length).map((n) => [n.text, n.marks![0].attrs]);
    expect(links).toEqual([
      ["OpenAI", { target: "openai", fragment: null }],
      ["Claude Opus", { target: "claude_opus", fragment: null }],
      ["RSP", { target: "policy:responsible_scaling", fragment: "early_history" }],
    ]);
    // A link to a section of the same page has no page to point at: its text stays.
    expect(textContent({ type: "paragraph", content: nodes })).toContain("#local");
  });

  it("reads external links, labelled or not, and bare URLs without trailing punctuation", () => {
    const nodes = inline("[[https://a.example/x|A site]], [[http://b.example]] and https://c.example/page (https://d.example/q?x=1).");
    const links = nodes.filter((n) => n.marks?.some((m) => m.type === "link")).map((n) => [n.text, n.marks![0].attrs!.href]);
    expect(links).toEqual([
      ["A site", "https://a.example/x"],
      ["http://b.example", "http://b.example/"],
      ["https://c.example/page", "https://c.example/page"],
      ["https://d.example/q?x=1", "https://d.example/q?x=1"],
    ]);
  });

  it("reads forced line breaks", () => {
    expect(inline("one\\\\ two").map((n) => n.type)).toEqual(["text", "hardBreak", "text"]);
  });

  it("turns footnotes into citations: identical ones share a source, text-only ones are sources too", () => {
    const article = parse(
      "A((Smith 2020, p. 4)) B((Smith 2020, p. 4)) C(([[https://x.example/paper|The paper]], p. 12)) D((https://x.example/paper#part))",
    );
    expect(article.sources.map((s) => [s.type, s.title, s.url])).toEqual([
      ["document", "Smith 2020, p. 4", null],
      ["webpage", "The paper", "https://x.example/paper"],
    ]);
    const citations = collectCitations(article.doc);
    expect(citations.map((c) => [article.sources.findIndex((s) => s.key === c.sourceId), c.locator])).toEqual([
      [0, null], [0, null], [1, "p. 12"], [1, null],
    ]);
  });

  it("keeps a footnote inside bold text as a citation", () => {
    const nodes = inline("**claim((note))**");
    expect(nodes.map((n) => n.type)).toEqual(["text", "citation"]);
    expect(marksOf(nodes[1])).toEqual(["bold"]);
  });

  it("keeps unknown markup visible as text", () => {
    const text = textContent(blocks("<del>gone</del> {{image.png}} ~~NOTOC~~ [[wp>Thing]] <sup>2</sup>")[0]);
    expect(text).toBe("<del>gone</del> {{image.png}} ~~NOTOC~~ [[wp>Thing]] <sup>2</sup>");
  });

  it("keeps unclosed markup as text", () => {
    expect(textContent(blocks("**open (( [[never")[0])).toBe("**open (( [[never");
  });

  it("reads %% and <nowiki> as literal text", () => {
    expect(inline("%%**not bold**%% <nowiki>[[no link]]</nowiki>")).toEqual([{ type: "text", text: "**not bold** [[no link]]" }]);
  });
});

describe("hostile input", () => {
  it("keeps HTML and script tags as plain text", () => {
    const nodes = inline('<script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(nodes).toEqual([{ type: "text", text: '<script>alert(1)</script><img src=x onerror="alert(2)">' }]);
  });

  it("never makes a link with a javascript:, data: or vbscript: address", () => {
    for (const markup of [
      "[[javascript:alert(1)|click]]",
      "[[JavaScript:alert(1)]]",
      "[[ javascript:alert(1) |x]]",
      "[[data:text/html;base64,PHNjcmlwdD4=|x]]",
      "[[vbscript:msgbox(1)|x]]",
      "((javascript:alert(1)))",
      "(([[javascript:alert(1)|source]]))",
      "javascript:alert(1)",
      "[[java\tscript:alert(1)|x]]",
    ]) {
      const article = parse(markup);
      const hrefs: string[] = [];
      const visit = (node: NodeJSON) => {
        for (const mark of node.marks ?? []) if (mark.type === "link") hrefs.push(String(mark.attrs?.href));
        node.content?.forEach(visit);
      };
      visit(article.doc);
      expect(hrefs, markup).toEqual([]);
      expect(article.sources.every((s) => s.url === null), markup).toBe(true);
      for (const target of collectLinkTargets(article.doc)) expect(target, markup).toMatch(/^[\p{L}\p{N}._:-]+$/u);
    }
  });

  it("keeps quotes in an external address from breaking out of it", () => {
    const [node] = inline('[[https://a.example/" onmouseover="alert(1)|x]]');
    const href = String(node.marks?.[0]?.attrs?.href ?? "");
    expect(href).not.toContain('"');
  });
});

describe("input that cannot be imported", () => {
  it("names the line of a code block that is never closed", () => {
    expect(() => parse("one\n\n<code>\nnever closed")).toThrow(new DokuWikiSyntaxError(3, "<code> is never closed with </code>"));
  });

  it("names the line of binary content", () => {
    expect(() => parse("fine\nstill fine\nbad \u0000 byte")).toThrow(/^line 3: a control character/);
  });
});
