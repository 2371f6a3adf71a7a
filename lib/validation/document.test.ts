import { describe, expect, it } from "vitest";
import { parseDokuWiki } from "../content/dokuwiki";
import { DocumentSchema, DocumentValidationError, documentProblems, MAX_DOCUMENT_BYTES, parseDocument } from "./document";

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
    expect(documentProblems(cite("text"))).toEqual(["A citation's note holds something other than text and line breaks."]);
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
    // Deep enough to overflow any recursive check: refused, not a stack overflow.
    for (let i = 0; i < 100_000; i++) node = { type: "blockquote", content: [node] };
    expect(documentProblems({ type: "doc", content: [node] })).toEqual([expect.stringMatching(/deeper than/)]);
    expect(DocumentSchema.safeParse({ type: "doc", content: [node] }).error?.issues[0].message).toMatch(/deeper than/);
  });

  it("refuses attributes of the wrong kind before they are stored", () => {
    const link = (attrs: unknown) => ({ type: "doc", content: [para({ type: "text", text: "x", marks: [{ type: "wikiLink", attrs }] })] });
    const cite = (attrs: Record<string, unknown>) => ({ type: "doc", content: [para({ type: "citation", attrs: { sourceId: "s", ...attrs } })] });
    expect(documentProblems(link({ target: ["a", "b"] }))).toContainEqual(expect.stringMatching(/wikiLink mark's "target" must be a string/));
    expect(documentProblems(cite({ locator: { page: 1 } }))).toContainEqual(expect.stringMatching(/citation node's "locator" must be a plain value/));
    expect(documentProblems(cite({ sourceId: 7 }))).toContainEqual(expect.stringMatching(/"sourceId" must be a string/));
    expect(documentProblems({ type: "doc", content: [{ type: "heading", attrs: { level: "2" }, content: [] }] })).toContainEqual(expect.stringMatching(/"level" must be a number/));
    expect(documentProblems(cite({ locator: "p. 4", quote: null }))).toEqual([]);
    expect(documentProblems({ type: "doc", content: [para({ type: "text", text: "a\u0000b" })] })).toEqual(["The text holds a NUL character."]);
    const table = parseDokuWiki("^ h ^ i ^\n| c | d |").doc;
    (table.content[0].content![0].content![0].attrs as Record<string, unknown>).colwidth = [120];
    expect(documentProblems(table)).toEqual([]);
  });

  it("throws every problem at once", () => {
    expect(() => parseDocument({ type: "doc", content: [{ type: "iframe" }] })).toThrow(DocumentValidationError);
  });
});
