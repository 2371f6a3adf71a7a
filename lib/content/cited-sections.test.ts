import { describe, expect, it } from "vitest";
import { citedSections, LEAD_SECTION } from "./cited-sections";
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
