import { describe, expect, it } from "vitest";
import { parseDokuWiki } from "../content/dokuwiki";
import { DocumentValidationError, documentProblems, MAX_DOCUMENT_BYTES, parseDocument } from "./document";

const para = (...content: unknown[]) => ({ type: "paragraph", content });

describe("document validation", () => {
  it("accepts what the importer makes", () => {
    const { doc } = parseDokuWiki("== A ==\n\n  * [[x|y]] **b**((z))\n\n^ h ^\n| c |");
    expect(documentProblems(doc)).toEqual([]);
    expect(parseDocument(doc)).toBe(doc);
  });

  it("accepts a citation's note of text and line breaks, and refuses anything else in it", () => {
    const { doc } = parseDokuWiki("x((See **this** [[https://a.example|report]] and [[other|that page]]\\ too.))");
    expect(documentProblems(doc)).toEqual([]);
    const cite = (note: unknown) => ({ type: "doc", content: [para({ type: "citation", attrs: { sourceId: "s", locator: null, quote: null, note } })] });
    expect(documentProblems(cite([{ type: "text", text: "ok" }, { type: "hardBreak" }]))).toEqual([]);
    expect(documentProblems(cite([{ type: "citation", attrs: { sourceId: "s" } }]))[0]).toMatch(/note holds something other/);
    expect(documentProblems(cite([{ type: "paragraph" }]))[0]).toMatch(/note holds something other/);
    expect(documentProblems(cite("text")))
      .toEqual(["A citation's note holds something other than text and line breaks."]);
    expect(documentProblems(cite([{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }]))[0]).toMatch(/not an http/);
    expect(documentProblems(cite([{ type: "text", text: "x", marks: [{ type: "script" }] }]))[0]).toMatch(/note does not fit/);
  });

  it("refuses node types the editor does not have", () => {
    expect(documentProblems({ type: "doc", content: [{ type: "iframe" }] })[0]).toMatch(/schema.*iframe/i);
    expect(documentProblems({ type: "doc", content: [para({ type: "text", text: "x", marks: [{ type: "script" }] })] })[0]).toMatch(/schema/);
  });

  it("refuses malformed JSON shapes with the path at fault", () => {
    expect(documentProblems(null)[0]).toMatch(/document/);
    expect(documentProblems({ type: "doc" })[0]).toMatch(/^content/);
    expect(documentProblems({ type: "doc", content: [{ type: 5 }] })[0]).toMatch(/^content\.0\.type/);
    expect(documentProblems({ type: "doc", content: [para({ type: "text" })] })[0]).toMatch(/schema/);
  });

  it("refuses content in the wrong place", () => {
    expect(documentProblems({ type: "doc", content: [{ type: "text", text: "loose" }] })[0]).toMatch(/schema/);
  });

  it("refuses unsafe link addresses and malformed wiki links", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "/relative"]) {
      const doc = { type: "doc", content: [para({ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] })] };
      expect(documentProblems(doc)[0], href).toMatch(/not an http\(s\), ftp, mailto or file address/);
    }
    const wiki = { type: "doc", content: [para({ type: "text", text: "x", marks: [{ type: "wikiLink", attrs: { target: "Not A/Page Id" } }] })] };
    expect(documentProblems(wiki)[0]).toMatch(/not a page id/);
  });

  it("refuses oversized and too deeply nested documents", () => {
    const big = { type: "doc", content: [para({ type: "text", text: "x".repeat(MAX_DOCUMENT_BYTES) })] };
    expect(documentProblems(big)[0]).toMatch(/larger than/);
    let node: Record<string, unknown> = para({ type: "text", text: "deep" });
    for (let i = 0; i < 60; i++) node = { type: "blockquote", content: [node] };
    expect(documentProblems({ type: "doc", content: [node] })[0]).toMatch(/deeper than/);
  });

  it("throws every problem at once", () => {
    expect(() => parseDocument({ type: "doc", content: [{ type: "iframe" }] })).toThrow(DocumentValidationError);
  });
});
