import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationCoverage, totalUncited } from "./citation-coverage";
import { LEAD_SECTION, UNTITLED_SECTION } from "./cited-sections";
import type { NodeJSON } from "./document";
import { parseDokuWiki } from "./dokuwiki";
import { schema } from "./schema";

const text = (value: string): NodeJSON => ({ type: "text", text: value });
const cite = (sourceId = "s1"): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null } });
const p = (...content: (NodeJSON | string)[]): NodeJSON => ({
  type: "paragraph",
  content: content.map((part) => (typeof part === "string" ? text(part) : part)),
});
const linked = (value: string, mark: "wikiLink" | "link" = "wikiLink"): NodeJSON => ({
  type: "text",
  text: value,
  marks: [mark === "wikiLink" ? { type: "wikiLink", attrs: { target: value.toLowerCase(), fragment: null } } : { type: "link", attrs: { href: "https://example.org/" } }],
});
const h = (value: string, level = 2): NodeJSON => ({ type: "heading", attrs: { level }, content: value ? [text(value)] : [] });
const li = (...content: NodeJSON[]): NodeJSON => ({ type: "listItem", content });
const ul = (...items: NodeJSON[]): NodeJSON => ({ type: "bulletList", content: items });
const quote = (...content: NodeJSON[]): NodeJSON => ({ type: "blockquote", content });
const cell = (...content: NodeJSON[]): NodeJSON => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content });
const table = (...cells: NodeJSON[]): NodeJSON => ({ type: "table", content: [{ type: "tableRow", content: cells }] });
const doc = (...content: NodeJSON[]): NodeJSON => {
  const node = { type: "doc", content };
  // Every document here is one the editor could have saved.
  schema.nodeFromJSON(node).check();
  return node;
};

describe("citationCoverage", () => {
  it("counts cited and uncited paragraphs per section, the lead first, in reading order", () => {
    const coverage = citationCoverage(
      doc(
        p("Lead claim.", cite()),
        p("Unsourced lead claim."),
        h("History"),
        p("Founded in 1901.", cite("a"), " Moved in 1920.", cite("b")),
        p("Nobody knows why."),
        p("Or when."),
        h("Early years", 3),
        p("Cited ", { type: "text", text: "in bold", marks: [{ type: "bold" }] }, cite()),
      ),
    );
    expect(coverage).toEqual([
      { section: LEAD_SECTION, level: 0, paragraphs: 2, uncited: 1 },
      { section: "History", level: 2, paragraphs: 3, uncited: 2 },
      { section: "Early years", level: 3, paragraphs: 1, uncited: 0 },
    ]);
    expect(totalUncited(coverage)).toBe(3);
  });

  it("leaves out an empty lead but keeps headed sections without paragraphs", () => {
    const coverage = citationCoverage(doc(h("Overview"), h("Details", 3), p("Claim."), h("")));
    expect(coverage).toEqual([
      { section: "Overview", level: 2, paragraphs: 0, uncited: 0 },
      { section: "Details", level: 3, paragraphs: 1, uncited: 1 },
      { section: UNTITLED_SECTION, level: 2, paragraphs: 0, uncited: 0 },
    ]);
  });

  it("counts each paragraph of a list item and of a quotation on its own", () => {
    const coverage = citationCoverage(
      doc(
        h("Reception"),
        ul(li(p("First point.", cite()), p("Its unsourced elaboration.")), li(p("Second point."), ul(li(p("Nested point.", cite()))))),
        quote(p("A quoted line.", cite()), p("Another, unsourced.")),
        { type: "orderedList", attrs: { start: 1, type: null }, content: [li(p("Numbered point.", cite()), quote(p("Quoted in a list.")))] },
      ),
    );
    expect(coverage).toEqual([{ section: "Reception", level: 2, paragraphs: 8, uncited: 4 }]);
  });

  it("ignores blank paragraphs and paragraphs in table cells", () => {
    const coverage = citationCoverage(
      doc(p(), p("   "), p({ type: "hardBreak" }), h("Figures"), table(cell(p("1901")), cell(p("Founded", cite()))), p("The table above is unsourced.")),
    );
    expect(coverage).toEqual([{ section: "Figures", level: 2, paragraphs: 1, uncited: 1 }]);
  });

  it("does not count a citation in a heading for the paragraphs under it", () => {
    const coverage = citationCoverage(doc({ type: "heading", attrs: { level: 2 }, content: [text("Sources"), cite()] }, p("Claim.")));
    expect(coverage).toEqual([{ section: "Sources", level: 2, paragraphs: 1, uncited: 1 }]);
  });

  it("does not count paragraphs whose text is all links", () => {
    const coverage = citationCoverage(
      doc(
        p(linked("Main page")),
        h("See also"),
        ul(li(p(linked("Alpha"))), li(p(" ", linked("Beta"), " ", linked("Gamma", "link"), " ")), li(p(linked("Delta"), cite())), li(p(linked("Epsilon"), ": its successor"))),
        p("Read ", linked("Zeta"), " for more.", cite()),
      ),
    );
    // The link-only lead is left out, as an empty lead is.
    expect(coverage).toEqual([{ section: "See also", level: 2, paragraphs: 2, uncited: 1 }]);
  });

  describe("on a new page", () => {
    // What the editor holds for a page that does not exist yet: one empty paragraph (app/wiki/[id]/edit).
    const blank = (): NodeJSON => ({ type: "doc", content: [{ type: "paragraph" }] });

    it("has nothing to count before anything is typed", () => {
      expect(citationCoverage(blank())).toEqual([]);
    });

    it("counts the paragraphs typed into it as the lead's, however the editor shapes them", () => {
      // Typed into the empty paragraph, then Enter and more: the editor's JSON, with the empty paragraph
      // a last Enter leaves behind.
      const typed = doc(p("A first claim without a source."), p("A second claim without one either."), p());
      expect(citationCoverage(typed)).toEqual([{ section: LEAD_SECTION, level: 0, paragraphs: 2, uncited: 2 }]);
      expect(totalUncited(citationCoverage(typed))).toBe(2);
      // A line broken with Shift+Enter stays one paragraph.
      expect(citationCoverage(doc(p("One line,", { type: "hardBreak" }, "and its second line.")))).toEqual([{ section: LEAD_SECTION, level: 0, paragraphs: 1, uncited: 1 }]);
    });

    it("counts a new page's sections once a heading is added, the lead's paragraphs still counted", () => {
      const coverage = citationCoverage(doc(p("An uncited lead."), p("Cited.", cite()), h("Reception"), p("Uncited under a heading.")));
      expect(coverage).toEqual([
        { section: LEAD_SECTION, level: 0, paragraphs: 2, uncited: 1 },
        { section: "Reception", level: 2, paragraphs: 1, uncited: 1 },
      ]);
      expect(totalUncited(coverage)).toBe(2);
    });
  });

  it("is empty for an empty document", () => {
    expect(citationCoverage({ type: "doc", content: [{ type: "paragraph" }] })).toEqual([]);
    expect(totalUncited([])).toBe(0);
  });

  it("reports the example article: the last two prose sections are uncited, the See Also list is not prose", () => {
    const article = parseDokuWiki(readFileSync(path.resolve("prisma/seed/gpt_5_2.txt"), "utf8"));
    const coverage = citationCoverage(article.doc);
    expect(coverage).toEqual([
      { section: LEAD_SECTION, level: 0, paragraphs: 1, uncited: 0 },
      { section: "Overview and Capabilities", level: 2, paragraphs: 1, uncited: 0 },
      { section: "Safety and Alignment Characteristics", level: 2, paragraphs: 1, uncited: 0 },
      { section: "Comparative Evaluation Framework", level: 2, paragraphs: 1, uncited: 1 },
      { section: "Industry Context", level: 2, paragraphs: 1, uncited: 1 },
      // Its items are links alone, not prose.
      { section: "See Also", level: 2, paragraphs: 0, uncited: 0 },
    ]);
    expect(totalUncited(coverage)).toBe(2);
  });
});
