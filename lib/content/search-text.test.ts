import { describe, expect, it } from "vitest";
import type { NodeJSON } from "./document";
import { searchableText } from "./search-text";

const text = (value: string, marks?: NodeJSON["marks"]): NodeJSON => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: NodeJSON[]): NodeJSON => ({ type: "paragraph", content });
const heading = (value: string, level = 2): NodeJSON => ({ type: "heading", attrs: { level }, content: [text(value)] });

describe("a document as search reads it", () => {
  it("splits the text at every heading, with the anchors readers' headings get", () => {
    const { sections } = searchableText({
      type: "doc",
      content: [
        paragraph(text("Lead "), text("text", [{ type: "bold" }]), text(".")),
        heading("Safety and Alignment"),
        paragraph(text("One.")),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("Two"))] },
            { type: "listItem", content: [paragraph(text("three"))] },
          ],
        },
        heading("References"),
        paragraph(text("Not the generated References section.")),
        heading("Safety and Alignment", 3),
      ],
    });
    expect(sections).toEqual([
      { anchor: "", heading: "", text: "Lead text." },
      { anchor: "safety_and_alignment", heading: "Safety and Alignment", text: "One. Two three" },
      { anchor: "references1", heading: "References", text: "Not the generated References section." },
      { anchor: "safety_and_alignment1", heading: "Safety and Alignment", text: "" },
    ]);
  });

  it("leaves out an empty lead, and gathers citations' notes as written", () => {
    const note = [text("See "), text("the report", [{ type: "italic" }]), text(", p. 4.")];
    const { sections, notes } = searchableText({
      type: "doc",
      content: [heading("Only"), paragraph(text("Claim."), { type: "citation", attrs: { sourceId: "s1", locator: null, quote: null, note } }, text(" More."))],
    });
    expect(sections).toEqual([{ anchor: "only", heading: "Only", text: "Claim. More." }]);
    expect(notes).toEqual(["See the report, p. 4."]);
  });
});
