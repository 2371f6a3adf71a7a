import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationNote, collectCitations, collectLinkTargets, type NodeJSON, textContent, walk } from "./document";
import { ADVERSARIAL_DOKUWIKI } from "../../test/adversarial-dokuwiki";
import { DokuWikiSyntaxError, MAX_IMPORT_BYTES, parseDokuWiki } from "./dokuwiki";
import { renderArticle } from "./render";
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
      ["heading", 1, "One"],
      ["heading", 2, "Two"],
      ["heading", 3, "Three"],
      ["heading", 4, "Four"],
      ["heading", 5, "Five"],
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
  it("reads bold, italic, underline and monospace, nested as DokuWiki nests them", () => {
    const nodes = inline("**bold //both//** __under__ ''mono **raw**''");
    expect(nodes.map((n) => [n.text, marksOf(n)])).toEqual([
      ["bold ", ["bold"]],
      ["both", ["bold", "italic"]],
      [" ", []],
      ["under", ["underline"]],
      [" ", []],
      // The editor's code mark takes no other mark: bold inside monospace stays bold.
      ["mono ", ["code"]],
      ["raw", ["bold"]],
    ]);
    expect(inline("''%%**lit**%% [[page|p]]''").map((n) => [n.text, marksOf(n)])).toEqual([
      ["**lit** ", ["code"]],
      ["p", ["wikiLink"]],
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
    const article = parse("A((Smith 2020, p. 4)) B((Smith 2020, p. 4)) C(([[https://x.example/paper|The paper]], p. 12)) D((https://x.example/paper#part))");
    expect(article.sources.map((s) => [s.type, s.title, s.url])).toEqual([
      ["document", "Smith 2020, p. 4", null],
      ["webpage", "The paper", "https://x.example/paper"],
    ]);
    const citations = collectCitations(article.doc);
    expect(citations.map((c) => [article.sources.findIndex((s) => s.key === c.sourceId), c.locator])).toEqual([
      [0, null],
      [0, null],
      [1, "p. 12"],
      [1, null],
    ]);
  });

  it("keeps a footnote inside bold text as a citation", () => {
    const nodes = inline("**claim((note))**");
    expect(nodes.map((n) => n.type)).toEqual(["text", "citation"]);
    expect(marksOf(nodes[1])).toEqual(["bold"]);
  });

  it("keeps markup it does not understand visible as text, and reports it with its line", () => {
    const article = parse("first line\n{{rss>https://feed.example/}} <wrap hi>note</wrap> ~~DISCUSSION~~ [[nope>Thing]]");
    // A feed is linked, not shown.
    expect(textContent(article.doc)).toBe("first line https://feed.example/ <wrap hi>note</wrap>  [[nope>Thing]]");
    expect(article.warnings.map((w) => [w.line, w.construct])).toEqual([
      [2, "{{rss>https://feed.example/}}"],
      [2, "<wrap hi>"],
      [2, "</wrap>"],
      [2, "~~DISCUSSION~~"],
      [2, "[[nope>Thing]]"],
    ]);
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
    // Upper case, blocks; lower case, inline code in the paragraph even over several lines, as DokuWiki shows them.
    const [html, php] = blocks("<HTML>\n<script>alert(1)</script>\n</HTML>\n<PHP>\necho 1;\n</PHP>");
    expect(html).toEqual({ type: "codeBlock", attrs: { language: "html" }, content: [{ type: "text", text: "<script>alert(1)</script>" }] });
    expect(php).toEqual({ type: "codeBlock", attrs: { language: "php" }, content: [{ type: "text", text: "echo 1;" }] });
    expect(blocks("Before\n<html>\n<script>alert(1)</script>\n</html>\nafter")).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Before " },
          { type: "text", text: "<script>alert(1)</script>", marks: [{ type: "code" }] },
          { type: "text", text: " after" },
        ],
      },
    ]);
    expect(inline("x <html><b>y</b></html>")).toEqual([
      { type: "text", text: "x " },
      { type: "text", text: "<b>y</b>", marks: [{ type: "code" }] },
    ]);
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
      expect(
        article.sources.every((s) => s.url === null),
        markup,
      ).toBe(true);
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

describe("footnotes keep their text", () => {
  const citationsOf = (doc: NodeJSON) => {
    const found: { sourceId: string; locator: unknown; note: NodeJSON[] | null }[] = [];
    walk(doc, (node) => {
      if (node.type === "citation") found.push({ sourceId: String(node.attrs?.sourceId), locator: node.attrs?.locator, note: citationNote(node) });
    });
    return found;
  };
  const notes = (markup: string, options = {}) => citationsOf(parseDokuWiki(markup, options).doc);
  const noteText = (note: unknown) => textContent({ type: "paragraph", content: note as NodeJSON[] });

  it("keeps the text around a footnote's link, and the link's own words", () => {
    const article = parse("Claim((Anthropic, [[https://a.example/card|System card]], November 2025.)) and((See the [[https://b.example/r|report]].))");
    const [first, second] = citationsOf(article.doc);
    expect(noteText(first.note)).toBe("Anthropic, System card, November 2025.");
    expect(noteText(second.note)).toBe("See the report.");
    // The library record comes in addition: the link names it.
    expect(article.sources.map((s) => [s.title, s.url])).toEqual([
      ["System card", "https://a.example/card"],
      ["report", "https://b.example/r"],
    ]);
    expect(first.sourceId).toBe(article.sources[0].key);
  });

  it("keeps a second link, formatting, code and internal links inside a footnote", () => {
    const [citation] = notes("x((**Bold** //it// ''code'' [[gpt_5_4|GPT-5.4]], [[https://a.example|A]] and [[https://b.example|B]]))");
    const note = citation.note as NodeJSON[];
    expect(noteText(note)).toBe("Bold it code GPT-5.4, A and B");
    expect(note.filter((n) => n.marks?.length).map((n) => [n.text, n.marks!.map((m) => m.attrs?.href ?? m.attrs?.target ?? m.type)])).toEqual([
      ["Bold", ["bold"]],
      ["it", ["italic"]],
      ["code", ["code"]],
      ["GPT-5.4", ["gpt_5_4"]],
      ["A", ["https://a.example/"]],
      ["B", ["https://b.example/"]],
    ]);
    const article = parse("x((see [[other_page|the other page]]))");
    expect(collectLinkTargets(article.doc)).toEqual(["other_page"]);
    expect(() => schema.nodeFromJSON(article.doc).check()).not.toThrow();
  });

  it("needs no note when the source and a locator say it all", () => {
    expect(notes("a(([[https://x.example/p|Paper]])) b(([[https://x.example/p|Paper]], p. 12)) c((https://x.example/p))").map((c) => [c.locator, c.note])).toEqual([
      [null, null],
      ["p. 12", null],
      [null, null],
    ]);
    // A different label for the same address is other text: it is kept.
    const [, other] = notes("a(([[https://x.example/p|Paper]])) b(([[https://x.example/p|The same paper]]))");
    expect(noteText(other.note)).toBe("The same paper");
    // Plain text that is not a locator is kept as well.
    expect(noteText(notes("a(([[https://x.example/p|Paper]], retrieved in spring))")[0].note)).toBe("Paper, retrieved in spring");
  });

  it("merges footnotes into one number only when their texts are identical or they cite one source and place", () => {
    const article = parse(
      "a((Same [[https://x.example/p|P]])) b((Other [[https://x.example/p|P]])) c((Same [[https://x.example/p|P]])) d(([[https://x.example/p|P]], p. 3)) e(([[https://x.example/p|P]], p. 3))",
    );
    const out = renderArticle(article.doc, {
      sources: new Map(
        article.sources.map((s) => [
          s.key,
          { id: s.key, type: s.type, title: s.title, authors: [], containerTitle: null, publisher: null, issued: null, url: s.url, accessed: null },
        ]),
      ),
      pageExists: () => true,
    });
    expect(out.references.map((r) => [r.number, r.uses.length, r.note])).toEqual([
      [1, 2, 'Same <a href="https://x.example/p" class="external" rel="nofollow noopener noreferrer">P</a>'],
      [2, 1, 'Other <a href="https://x.example/p" class="external" rel="nofollow noopener noreferrer">P</a>'],
      [3, 2, null],
    ]);
    expect(out.references[2].uses.map((u) => u.locator)).toEqual(["p. 3", "p. 3"]);
  });

  it("reads footnotes as DokuWiki does: links inside may hold `))` and `|`, and an unclosed one stays text", () => {
    const [table] = blocks("| a((see [[https://x.example/a|A (2026]] | b)) | c |");
    expect(table.content![0].content!.map(textContent)).toEqual(["a", "c"]);
    expect(noteText(citationsOf(table)[0].note)).toBe("see A (2026 | b");
    expect(textContent(blocks("open (( [[page|never)) closed]]")[0])).toBe("open (( never)) closed");
  });

  it("reports an empty footnote it leaves out", () => {
    const article = parse("text(())");
    expect(collectCitations(article.doc)).toEqual([]);
    expect(article.warnings).toEqual([{ line: 1, construct: "(())", message: "an empty footnote was left out" }]);
  });
});

describe("sections and links as DokuWiki makes them", () => {
  it("gives links to sections DokuWiki's section ids, on other pages and this one", () => {
    const nodes = inline("[[policy:Responsible Scaling#1. Early history|RSP]] [[#Über uns]] [[#Über uns|here]]");
    expect(nodes.filter((n) => n.marks).map((n) => [n.text, n.marks![0].attrs])).toEqual([["RSP", { target: "policy:responsible_scaling", fragment: "early_history" }]]);
    const own = parseDokuWiki("[[#Über uns]] [[#Über uns|here]]", { pageId: "about" });
    expect(own.doc.content[0].content!.filter((n) => n.marks).map((n) => [n.text, n.marks![0].attrs])).toEqual([
      ["Über uns", { target: "about", fragment: "ueber_uns" }],
      ["here", { target: "about", fragment: "ueber_uns" }],
    ]);
  });

  it("makes heading ids the reader, its contents and links agree on", () => {
    const article = parseDokuWiki("== Über uns ==\n\n== Über uns ==\n\n[[#Über uns]] [[#Über uns 1]]", { pageId: "about" });
    const out = renderArticle(article.doc, { sources: new Map(), pageExists: () => true });
    expect(out.toc.map((e) => e.id)).toEqual(["ueber_uns", "ueber_uns1"]);
    expect(out.html).toContain('<h5 id="ueber_uns">');
    expect(out.html).toContain('href="/wiki/about#ueber_uns"');
  });

  it("resolves links relative to the page's namespace, and shows the last segment of the id", () => {
    const nodes = parseDokuWiki("[[sibling]] [[.:here]] [[..:up]] [[:top]] [[ns:]] [[other:page]] [[..:]]", { pageId: "a:b:page" }).doc.content[0].content!;
    expect(nodes.filter((n) => n.marks).map((n) => [n.text, n.marks![0].attrs?.target])).toEqual([
      ["sibling", "a:b:sibling"],
      ["here", "a:b:here"],
      ["up", "a:up"],
      ["top", "top"],
      ["ns", "ns:start"],
      ["page", "other:page"],
      ["a", "a:start"],
    ]);
  });

  it("shows a linked page's title when it is known", () => {
    const titles = new Map([["policy:rsp", "Responsible Scaling Policy"]]);
    const [link] = parseDokuWiki("[[policy:rsp]]", { pageTitles: titles }).doc.content[0].content!;
    expect(link.text).toBe("Responsible Scaling Policy");
  });

  it("reads headings as DokuWiki does: the text as written, the level from the leading equals signs", () => {
    const [, heading] = blocks("x\n\n===== **Not bold** == =====");
    expect(heading).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "**Not bold** ==" }] });
  });
});

describe("the rest of DokuWiki's syntax", () => {
  it("reads subscript, superscript and deleted text", () => {
    expect(inline("H<sub>2</sub>O E=mc<sup>2</sup> <del>gone</del>").map((n) => [n.text, marksOf(n)])).toEqual([
      ["H", []],
      ["2", ["subscript"]],
      ["O E=mc", []],
      ["2", ["superscript"]],
      [" ", []],
      ["gone", ["strike"]],
    ]);
    const article = parse("**<sub>x</sub>**");
    expect(() => schema.nodeFromJSON(article.doc).check()).not.toThrow();
  });

  it("links interwiki shortcuts with DokuWiki's default map, or a map given", () => {
    const hrefs = (markup: string, options = {}) =>
      parseDokuWiki(markup, options)
        .doc.content[0].content!.filter((n) => n.marks)
        .map((n) => [n.text, n.marks![0].attrs?.href ?? n.marks![0].attrs?.target]);
    expect(hrefs("[[wp>Large language model]] [[doku>syntax|syntax]] [[rfc>2616]] [[user>alice]]")).toEqual([
      ["Large language model", "https://en.wikipedia.org/wiki/Large%20language%20model"],
      ["syntax", "https://www.dokuwiki.org/syntax"],
      ["2616", "https://tools.ietf.org/html/rfc2616"],
      ["alice", "user:alice"],
    ]);
    expect(hrefs("[[corp>Q3]]", { interwiki: { corp: "https://intranet.example/{NAME}" } })).toEqual([["Q3", "https://intranet.example/Q3"]]);
  });

  it("links bare www. addresses, <e-mail> addresses and Windows shares", () => {
    const links = inline("www.example.org/page. <someone@example.org> \\\\server\\share [[\\\\server\\docs|Docs]]")
      .filter((n) => n.marks)
      .map((n) => [n.text, n.marks![0].attrs?.href]);
    expect(links).toEqual([
      ["www.example.org/page", "http://www.example.org/page"],
      ["someone@example.org", "mailto:someone@example.org"],
      ["\\\\server\\share", "file://///server/share"],
      ["Docs", "file://///server/docs"],
    ]);
  });

  it("turns smileys and typography into Unicode, in monospace too, as DokuWiki does", () => {
    expect(textContent(blocks('He said "so" -> yes... -- (c) 1920x1080 :-) ;-)')[0])).toBe("He said “so” → yes… – © 1920×1080 🙂 😉");
    expect(inline("''a -> b''")).toEqual([{ type: "text", text: "a → b", marks: [{ type: "code" }] }]);
    expect(inline("%%a -> b%%")).toEqual([{ type: "text", text: "a -> b" }]);
  });

  it("drops macros with a report, and a leading macro does not take the title's place", () => {
    const article = parse("~~NOTOC~~\n====== Title ======\nText ~~NOCACHE~~");
    expect(article.title).toBe("Title");
    expect(textContent(article.doc)).toBe("Text ");
    expect(article.warnings.map((w) => [w.line, w.construct])).toEqual([
      [1, "~~NOTOC~~"],
      [3, "~~NOCACHE~~"],
    ]);
  });

  it("links an included page, with a report", () => {
    const article = parseDokuWiki("{{page>news:latest&nofooter}}", { pageId: "start" });
    expect(article.doc.content[0].content).toEqual([{ type: "text", text: "latest", marks: [{ type: "wikiLink", attrs: { target: "news:latest", fragment: null } }] }]);
    expect(article.warnings.map((w) => w.construct)).toEqual(["{{page>news:latest&nofooter}}"]);
  });

  it("keeps a file block's name", () => {
    const [file] = blocks("<file php hello.php>\necho 1;\n</file> after");
    expect(file).toEqual({ type: "codeBlock", attrs: { language: "php", fileName: "hello.php" }, content: [{ type: "text", text: "echo 1;" }] });
    expect(textContent(blocks("<file php hello.php>\necho 1;\n</file> after")[1])).toBe("after");
    expect(() => schema.nodeFromJSON({ type: "doc", content: [file] }).check()).not.toThrow();
  });

  it("keeps the line breaks between quote lines, an empty one included", () => {
    const [quote] = blocks("> one\n> two\n>\n> three");
    expect(quote.content![0].content!.map((n) => n.type)).toEqual(["text", "hardBreak", "text", "hardBreak", "hardBreak", "text"]);
  });

  it("reads list items by DokuWiki's indentation rule: two or more spaces, or tabs", () => {
    const [list] = blocks("   * three spaces\n  * two\n\t* tab\n     * five");
    expect(list.content!.map(textContent)).toEqual(["three spaces", "two", "tabfive"]);
    expect(list.content![2].content![1].type).toBe("bulletList");
    expect(blocks(" * one space")[0].type).toBe("paragraph");
  });

  it("reads a line indented by two spaces as preformatted, whatever it holds", () => {
    expect(blocks("  == Not a heading ==\n  | not | a table |")).toEqual([
      { type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: "== Not a heading ==\n| not | a table |" }] },
    ]);
  });

  it("starts a code block in the middle of a list item or paragraph, unless it is quoted", () => {
    const [list] = blocks("  * put this in ''lang.php'': <code php lang.php>\n$x = 1;\n</code>\n  * next");
    expect(list.content!.map((item) => item.content!.map((b) => b.type))).toEqual([["paragraph", "codeBlock"], ["paragraph"]]);
    expect(list.content![0].content![1].attrs).toEqual({ language: "php", fileName: "lang.php" });
    const [paragraph, code] = blocks("Write %%<code>%% or: <code>\nx\n</code>");
    expect(textContent(paragraph)).toBe("Write <code> or:");
    expect(code).toEqual({ type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: "x" }] });
  });

  it("spans table cells over rows with :::", () => {
    const [table] = blocks("^ a ^ b ^\n| 1 | 2 |\n| ::: | 3 |");
    expect(table.content![1].content![0].attrs?.rowspan).toBe(2);
    expect(table.content![2].content!.map(textContent)).toEqual(["3"]);
  });

  it("fills rows shorter than the widest with empty cells, as DokuWiki does", () => {
    const [table] = blocks("| a |\n| 1 | 2 | 3 |\n| x || y |\n| only | text after the last bar");
    expect(table.content!.map((row) => row.content!.map((cell) => [textContent(cell), cell.attrs?.colspan]))).toEqual([
      [
        ["a", 1],
        ["", 1],
        ["", 1],
      ],
      [
        ["1", 1],
        ["2", 1],
        ["3", 1],
      ],
      [
        ["x", 2],
        ["y", 1],
      ],
      [
        ["only", 1],
        ["text after the last bar", 1],
        ["", 1],
      ],
    ]);
  });
});

describe("footnotes over several paragraphs", () => {
  it("go on over blank lines to their closing brackets, as in DokuWiki, the paragraphs apart by line breaks", () => {
    const article = parse("A claim.((First part of the note.\n\nSecond part, with [[https://example.org/x|a link]].)) After it.\n\nNext paragraph.");
    const [paragraph, next] = article.doc.content;
    expect(textContent(paragraph)).toBe("A claim. After it.");
    const citation = paragraph.content!.find((node) => node.type === "citation")!;
    expect(
      citationNote(citation)!
        .map((node) => (node.type === "hardBreak" ? "|" : node.text))
        .join(""),
    ).toBe("First part of the note.|Second part, with a link.");
    expect(textContent(next)).toBe("Next paragraph.");
    expect(article.warnings).toEqual([{ line: 2, construct: "((…))", message: "a footnote over several paragraphs is one note, its paragraphs apart by line breaks" }]);
  });

  it("leave paragraphs apart when no closing brackets follow", () => {
    expect(blocks("Text ((never closed.\n\nAnother paragraph.").map(textContent)).toEqual(["Text ((never closed.", "Another paragraph."]);
    expect(blocks("A ((closed)) note ((and one not\n\nthen text.").map(textContent)).toEqual(["A  note ((and one not", "then text."]);
  });
});

describe("adversarial input", () => {
  // A super-linear parser takes hours on a megabyte of these; a generous limit keeps a busy machine from failing the test.
  it.each(ADVERSARIAL_DOKUWIKI)("parses a megabyte of %s in seconds", (_, markup) => {
    const started = performance.now();
    parse(markup);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("refuses files over the import limit", () => {
    expect(() => parse("x".repeat(MAX_IMPORT_BYTES + 1))).toThrow(/larger than 2 MB/);
  });
});
