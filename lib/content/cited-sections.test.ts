import { describe, expect, it } from "vitest";
import { citedSections, LEAD_SECTION, UNTITLED_SECTION, walkSections } from "./cited-sections";
import type { NodeJSON } from "./document";

const cite = (sourceId: string): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null } });
const p = (...content: NodeJSON[]): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text: "Claim." }, ...content] });
const h = (text: string): NodeJSON => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });

describe("citedSections", () => {
  it("names each section citing a source, with its number of uses, in reading order", () => {
    const doc: NodeJSON = {
      type: "doc",
      content: [
        p(cite("a")),
        h("History"),
        p(cite("a"), cite("b")),
        { type: "bulletList", content: [{ type: "listItem", content: [p(cite("a"))] }] },
        h("Reception"),
        p(cite("b")),
      ],
    };
    expect(citedSections(doc, new Set(["a"]))).toEqual([
      { section: LEAD_SECTION, uses: 1 },
      { section: "History", uses: 2 },
    ]);
    expect(citedSections(doc, new Set(["b"]))).toEqual([
      { section: "History", uses: 1 },
      { section: "Reception", uses: 1 },
    ]);
    expect(citedSections(doc, new Set(["c"]))).toEqual([]);
  });
});

describe("walkSections", () => {
  it("tells each node its section, without walking headings or what the visitor skips", () => {
    const doc: NodeJSON = {
      type: "doc",
      content: [
        p(cite("a")),
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: " History " }, cite("b")] },
        { type: "blockquote", content: [p(cite("c"))] },
        { type: "heading", attrs: { level: 3 }, content: [] },
        p(cite("d")),
      ],
    };
    const seen: string[] = [];
    walkSections(doc, (node, section) => {
      seen.push(`${node.type}${node.attrs?.sourceId ? ` ${node.attrs.sourceId}` : ""}: ${section}`);
      return node.type !== "blockquote";
    });
    expect(seen).toEqual([
      `doc: ${LEAD_SECTION}`,
      `paragraph: ${LEAD_SECTION}`,
      `text: ${LEAD_SECTION}`,
      `citation a: ${LEAD_SECTION}`,
      "heading: History",
      "blockquote: History",
      `heading: ${UNTITLED_SECTION}`,
      `paragraph: ${UNTITLED_SECTION}`,
      `text: ${UNTITLED_SECTION}`,
      `citation d: ${UNTITLED_SECTION}`,
    ]);
  });
});
