import { describe, expect, it } from "vitest";
import type { NodeJSON } from "./document";
import { figuresWithoutAlt, suggestMediaName, uniqueMediaName } from "./figure-editing";

const figure = (media: string, alt: string | null): NodeJSON => ({ type: "figure", attrs: { media, alt, width: null, align: null } });

describe("naming uploads from the editor", () => {
  it("puts the file in the page's namespace under its own name, cleaned", () => {
    expect(suggestMediaName("models:gpt_5_2", "Chart 1.PNG")).toBe("models:chart_1.png");
    expect(suggestMediaName("policy:ai:rules", "scan.pdf")).toBe("policy:ai:scan.pdf");
    expect(suggestMediaName("gpt_5_2", "chart.png")).toBe("chart.png");
    // A file name is never read as namespaces of its own.
    expect(suggestMediaName("models:x", "a:b/c.png")).toBe("models:a_b_c.png");
  });

  it("gives a name without an extension one from the picture's type", () => {
    expect(suggestMediaName("models:x", "image", "image/jpeg")).toBe("models:image.jpg");
    expect(suggestMediaName("models:x", "", "image/png")).toBe("models:file.png");
    expect(suggestMediaName("models:x", "notes", "application/pdf")).toBe("models:notes");
  });

  it("numbers a name already taken", () => {
    expect(uniqueMediaName("models:chart.png", new Set())).toBe("models:chart.png");
    expect(uniqueMediaName("models:chart.png", new Set(["models:chart.png", "models:chart_2.png"]))).toBe("models:chart_3.png");
    expect(uniqueMediaName("v1.2:readme", new Set(["v1.2:readme"]))).toBe("v1.2:readme_2");
  });
});

describe("figures without alt text", () => {
  const fileAlts = new Map([
    ["a.png", "A chart"],
    ["b.png", ""],
    ["c.png", ""],
  ]);
  const lookup = (name: string) => fileAlts.get(name);

  it("are those whose own alt text and whose file's are both empty", () => {
    const doc: NodeJSON = {
      type: "doc",
      content: [figure("a.png", null), figure("b.png", null), { type: "blockquote", content: [figure("c.png", "Described here")] }, figure("a.png", " "), figure("b.png", null)],
    };
    expect(figuresWithoutAlt(doc, lookup)).toEqual(["b.png", "a.png"]);
  });

  it("leave out files not known yet and missing files", () => {
    expect(figuresWithoutAlt({ type: "doc", content: [figure("unknown.png", null), figure("", null)] }, lookup)).toEqual([]);
  });
});
