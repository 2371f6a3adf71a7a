import { describe, expect, it } from "vitest";
import type { DocumentJSON, NodeJSON } from "./document";
import { parseDokuWiki } from "./dokuwiki";
import { type RenderContext, type RenderSource, renderArticle } from "./render";

const source = (id: string, title: string, url: string | null = `https://example.org/${id}`): RenderSource => ({
  id,
  type: "webpage",
  title,
  authors: [],
  containerTitle: null,
  publisher: null,
  issued: null,
  url,
  accessed: null,
});

const context = (existing: string[] = [], sources: RenderSource[] = []): RenderContext => ({
  sources: new Map(sources.map((s) => [s.id, s])),
  pageExists: (id) => existing.includes(id),
});

const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });
const p = (...content: NodeJSON[]): NodeJSON => ({ type: "paragraph", content });
const text = (value: string, marks?: NodeJSON["marks"]): NodeJSON => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const cite = (sourceId: string, locator: string | null = null): NodeJSON => ({ type: "citation", attrs: { sourceId, locator, quote: null } });
const heading = (level: number, value: string): NodeJSON => ({ type: "heading", attrs: { level }, content: [text(value)] });

describe("sections and contents", () => {
  it("gives headings DokuWiki's unique section ids and numbers the contents by level", () => {
    const out = renderArticle(
      doc(heading(2, "History"), heading(3, "Early years"), heading(3, "Early years"), heading(2, "References"), p(cite("a"))),
      context([], [source("a", "A")]),
    );
    expect(out.html).toContain('<h2 id="history">History</h2>');
    expect(out.html).toContain('<h3 id="early_years">');
    expect(out.html).toContain('<h3 id="early_years1">');
    // "references" belongs to the generated References section.
    expect(out.html).toContain('<h2 id="references1">');
    expect(out.toc.map((e) => [e.number, e.text, e.children.map((c) => `${c.number} ${c.id}`)])).toEqual([
      ["1", "History", ["1.1 early_years", "1.2 early_years1"]],
      ["2", "References", []],
      ["3", "References", []],
    ]);
    expect(out.toc.at(-1)?.id).toBe("references");
  });

  it("has no References entry in the contents when nothing is cited", () => {
    expect(renderArticle(doc(heading(2, "Only")), context()).toc.map((e) => e.text)).toEqual(["Only"]);
  });
});

describe("links", () => {
  it("marks links to missing pages, for eyes and for screen readers", () => {
    const link = (target: string, label: string) => text(label, [{ type: "wikiLink", attrs: { target, fragment: null } }]);
    const out = renderArticle(doc(p(link("openai", "OpenAI"), text(" and "), link("kimi", "Kimi"))), context(["openai"]));
    expect(out.html).toContain('<a href="/wiki/openai" class="wikilink">OpenAI</a>');
    expect(out.html).toContain(
      '<a href="/wiki/kimi" class="wikilink missing" title="kimi (page does not exist)">Kimi<span class="visually-hidden"> (page does not exist)</span></a>',
    );
  });

  it("offers a missing page's link label as its title, when the label says more than the id", () => {
    const link = (target: string, label: string, fragment: string | null = null) => text(label, [{ type: "wikiLink", attrs: { target, fragment } }]);
    const out = renderArticle(doc(p(link("models:gpt_5_4_pro", "GPT-5.4 Pro & more", "history"), link("kimi", " Kimi "), link("ns:sibling", "sibling"))), context());
    expect(out.html).toContain('<a href="/wiki/models:gpt_5_4_pro?title=GPT-5.4+Pro+%26+more" class="wikilink missing"');
    expect(out.html).toContain('<a href="/wiki/kimi" class="wikilink missing"');
    expect(out.html).toContain('<a href="/wiki/ns:sibling" class="wikilink missing"');
  });

  it("links sections of namespaced pages", () => {
    const out = renderArticle(doc(p(text("RSP", [{ type: "wikiLink", attrs: { target: "policy:rsp", fragment: "history" } }]))), context(["policy:rsp"]));
    expect(out.html).toContain('href="/wiki/policy:rsp#history"');
  });

  it("renders external links marked as such", () => {
    const out = renderArticle(doc(p(text("site", [{ type: "link", attrs: { href: "https://a.example/" } }]))), context());
    expect(out.html).toContain('<a href="https://a.example/" class="external" rel="nofollow noopener noreferrer">site</a>');
  });

  it("marks a link whose words are its address, so print does not write the address twice", () => {
    const link = (label: string, href: string) => text(label, [{ type: "link", attrs: { href } }]);
    const out = renderArticle(
      doc(p(link("https://a.example/x?a=1&b=2", "https://a.example/x?a=1&b=2"), link("a@b.example", "mailto:a@b.example"), link("a.example", "https://a.example/"))),
      context(),
    );
    expect(out.html).toContain('<a href="https://a.example/x?a=1&amp;b=2" class="external address-shown"');
    expect(out.html).toContain('<a href="mailto:a@b.example" class="external address-shown"');
    expect(out.html).toContain('<a href="https://a.example/" class="external" ');
  });
});

describe("citations and references", () => {
  it("numbers sources by first use; a source used again keeps its number", () => {
    const out = renderArticle(
      doc(p(text("x"), cite("b"), text("y"), cite("a", "p. 4"), text("z"), cite("b"), cite("b"), cite("b"))),
      context([], [source("a", "Alpha"), source("b", "Beta")]),
    );
    const markers = [...out.html.matchAll(/id="(cite-ref-\d+-\d+)"><a href="#(cite-note-\d+)"/g)].map((m) => `${m[1]}>${m[2]}`);
    expect(markers).toEqual(["cite-ref-1-0>cite-note-1", "cite-ref-2-0>cite-note-2", "cite-ref-1-1>cite-note-1", "cite-ref-1-2>cite-note-1", "cite-ref-1-3>cite-note-1"]);
    expect(out.html).toContain("[1]</a>");
    expect(out.references.map((r) => [r.number, r.source?.title, r.uses.map((u) => u.anchor)])).toEqual([
      [1, "Beta", ["cite-ref-1-0", "cite-ref-1-1", "cite-ref-1-2", "cite-ref-1-3"]],
      [2, "Alpha", ["cite-ref-2-0"]],
    ]);
    expect(out.references[1].uses[0].locator).toBe("p. 4");
  });

  it("keeps a citation of a source that no longer exists, saying so", () => {
    const out = renderArticle(doc(p(cite("gone"))), context());
    expect(out.references[0]).toMatchObject({ number: 1, source: null, sourceId: "gone" });
    expect(out.html).toContain('title="Source missing"');
  });

  it("renders the example article: four markers, one reference", () => {
    const article = parseDokuWiki("Text((a)) more((a)) and((b))");
    const out = renderArticle(
      article.doc,
      context(
        [],
        article.sources.map((s) => source(s.key, s.title, s.url)),
      ),
    );
    expect(out.references.map((r) => [r.number, r.uses.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
});

describe("notes", () => {
  it("shows a footnote's text as written in References, escaped and with its links", () => {
    const note = [
      text("Anthropic, "),
      text("System card", [{ type: "link", attrs: { href: "https://a.example/card" } }]),
      text(", <b>2025</b> "),
      text("bold", [{ type: "bold" }]),
      { type: "hardBreak" },
      text("see", [{ type: "wikiLink", attrs: { target: "other", fragment: "part" } }]),
      text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
    ];
    const noted = (n: NodeJSON[]): NodeJSON => ({ type: "citation", attrs: { sourceId: "a", locator: null, quote: null, note: n } });
    const out = renderArticle(doc(p(noted(note), cite("a"), noted(note), noted([text("Other")]))), context(["other"], [source("a", "A")]));
    expect(out.references.map((r) => [r.number, r.uses.length, r.sourceId])).toEqual([
      [1, 2, "a"],
      [2, 1, "a"],
      [3, 1, "a"],
    ]);
    expect(out.references[0].note).toBe(
      'Anthropic, <a href="https://a.example/card" class="external" rel="nofollow noopener noreferrer">System card</a>, &lt;b&gt;2025&lt;/b&gt; ' +
        '<strong>bold</strong><br /><a href="/wiki/other#part" class="wikilink">see</a>x',
    );
    expect(out.references[1].note).toBeNull();
    expect(out.references[2].note).toBe("Other");
  });
});

describe("every block type", () => {
  it("renders lists, quotes, code, rules, breaks, tables and marks", () => {
    const article = parseDokuWiki("  * a\n    - b\n\n> quote\n\n<code js>\nif (a < b) {}\n</code>\n\n----\n\none\\\\ two **b** //i// __u__ ''c''\n\n^ H ^ I ^\n| x ||");
    const out = renderArticle(article.doc, context());
    expect(out.html).toContain("<ul><li><p>a</p><ol><li><p>b</p></li></ol></li></ul>");
    expect(out.html).toContain("<blockquote><p>quote</p></blockquote>");
    expect(out.html).toContain('<pre><code class="language-js">if (a &lt; b) {}</code></pre>');
    expect(out.html).toContain("<hr />");
    expect(out.html).toContain("one<br />two <strong>b</strong> <em>i</em> <u>u</u> <code>c</code>");
    expect(out.html).toContain("<th><p>H</p></th><th><p>I</p></th>");
    expect(out.html).toContain('<td colspan="2"><p>x</p></td>');
  });

  it("renders subscript, superscript, file names and row spans", () => {
    const article = parseDokuWiki("H<sub>2</sub>O x<sup>2</sup>\n\n<file js app.js>\nrun()\n</file>\n\n| a | b |\n| ::: | c |");
    const out = renderArticle(article.doc, context());
    expect(out.html).toContain("H<sub>2</sub>O x<sup>2</sup>");
    expect(out.html).toContain('<div class="code-file-name">app.js</div><pre><code class="language-js">run()</code></pre>');
    expect(out.html).toContain('<td rowspan="2"><p>a</p></td>');
  });
});

describe("hostile documents", () => {
  // Validation refuses these before they are stored; the renderer must be safe even so.
  it("escapes text, so tags in content are shown, never run", () => {
    const out = renderArticle(doc(p(text('<script>alert(1)</script><img src=x onerror="alert(1)">'))), context());
    expect(out.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(1)"&gt;</p>');
  });

  it("drops javascript:, data: and other unsafe link addresses in every position", () => {
    for (const href of ["javascript:alert(1)", " JavaScript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example"]) {
      const out = renderArticle(
        doc(p(text("a", [{ type: "link", attrs: { href } }])), p(text("b", [{ type: "wikiLink", attrs: { target: href, fragment: href } }])), p(cite("s"))),
        context([], [source("s", "S", href)]),
      );
      expect(out.html, href).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
      expect(out.html, href).not.toMatch(/href="\/\/evil/);
      expect(out.html, href).not.toMatch(/<script/i);
    }
  });

  it("ignores attributes it does not know, including event handlers", () => {
    const out = renderArticle(
      doc(
        { type: "paragraph", attrs: { onclick: "alert(1)", style: "x" }, content: [text("x")] },
        { type: "heading", attrs: { level: '2" onmouseover="alert(1)', id: "x" }, content: [text('"><script>')] },
        { type: "codeBlock", attrs: { language: '"><script>alert(1)</script>' }, content: [text("c")] },
        {
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: '2" onclick="x', align: "left;background:url(x)" }, content: [p(text("t"))] }] }],
        },
        { type: "orderedList", attrs: { start: '1" onclick="x' }, content: [{ type: "listItem", content: [p(text("l"))] }] },
      ),
      context(),
    );
    expect(out.html).not.toMatch(/\son\w+=/i);
    expect(out.html).not.toContain("<script");
    expect(out.html).not.toContain("background");
  });

  it("refuses a node or a mark the schema does not know, rather than show it as something else", () => {
    expect(() => renderArticle(doc({ type: "iframe", content: [text("<b>inner</b>")] }), context())).toThrow(/node "iframe"/);
    expect(() => renderArticle(doc(p(text("Hi", [{ type: "blink" }]))), context())).toThrow(/mark "blink"/);
  });

  it("escapes quotes in titles", () => {
    const out = renderArticle(doc(p(cite("q"))), context([], [source("q", '"><script>alert(1)</script>')]));
    expect(out.html).not.toContain("<script");
  });
});
