import { describe, expect, it } from "vitest";
import { citationNumbers, type DiffRow, type DiffToken, diffDocuments, type InlinePart, inlineSegments, markChangedFiles, tokensText } from "./diff";
import type { DocumentJSON, NodeJSON } from "./document";
import { renderArticle } from "./render";

const text = (value: string, marks?: NodeJSON["marks"]): NodeJSON => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: (string | NodeJSON)[]): NodeJSON => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? text(c) : c)) });
const h = (level: number, value: string): NodeJSON => ({ type: "heading", attrs: { level }, content: [text(value)] });
const cite = (sourceId: string, locator: string | null = null): NodeJSON => ({ type: "citation", attrs: { sourceId, locator, quote: null } });
const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });
const cell = (type: "tableCell" | "tableHeader", value: string): NodeJSON => ({ type, content: [p(value)] });
const table = (...rows: string[][]): NodeJSON => ({
  type: "table",
  content: rows.map((row, r) => ({ type: "tableRow", content: row.map((v) => cell(r === 0 ? "tableHeader" : "tableCell", v)) })),
});

const words = (tokens: DiffToken[]) => tokensText(tokens.map((t) => (t.sourceId ? { ...t, text: `[${t.sourceId}]` } : t)));
const inline = (parts: InlinePart[]) =>
  inlineSegments(parts)
    .map((s) => s.lead + (s.op === "equal" ? words(s.tokens) : s.op === "insert" ? `{+${words(s.tokens)}+}` : `{-${words(s.tokens)}-}`))
    .join("");
const ops = (rows: DiffRow[]) => rows.map((r) => r.op);
const changed = (rows: DiffRow[]) => rows.filter((r): r is Extract<DiffRow, { op: "changed" }> => r.op === "changed");

describe("figures", () => {
  const figure = (media: string, caption: string): NodeJSON => ({
    type: "figure",
    attrs: { media, alt: null, width: null, align: null },
    content: [{ type: "text", text: caption }],
  });
  const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });

  it("carry their file, so the diff can show each side's picture", () => {
    const diff = diffDocuments(doc(figure("a.png", "A chart")), doc(figure("b.png", "A chart")));
    const row = diff.rows.find((r) => r.op === "changed")!;
    expect(row.op === "changed" && [row.before.media, row.after.media]).toEqual(["a.png", "b.png"]);
  });

  it("that read the same but show another version of their file are a change of their own", () => {
    const same = doc({ type: "paragraph", content: [{ type: "text", text: "Text." }] }, figure("a.png", "A chart"), figure("b.png", "A map"));
    const diff = diffDocuments(same, same);
    expect(diff.changeCount).toBe(0);
    const marked = markChangedFiles(diff, (name) => name === "a.png");
    expect(marked.changeCount).toBe(1);
    expect(marked.rows.map((r) => [r.op, r.op === "changed" ? r.fileChanged : undefined])).toEqual([
      ["equal", undefined],
      ["changed", true],
      ["equal", undefined],
    ]);
    expect(markChangedFiles(diff, () => false)).toBe(diff);
  });
});

describe("diffDocuments", () => {
  it("finds nothing between equal documents", () => {
    const a = doc(h(2, "History"), p("One two three."));
    const diff = diffDocuments(a, structuredClone(a));
    expect(diff.changeCount).toBe(0);
    expect(ops(diff.rows)).toEqual(["equal", "equal"]);
  });

  it("marks inserted and deleted words in place, a replacement as one deletion then one insertion", () => {
    const diff = diffDocuments(doc(p("The quick brown fox jumps.")), doc(p("The slow red fox jumps high.")));
    expect(ops(diff.rows)).toEqual(["changed"]);
    expect(inline(changed(diff.rows)[0].parts)).toBe("The {-quick brown-}{+slow red+} fox jumps {+high+}.");
  });

  it("compares in either direction", () => {
    const older = doc(p("Alpha beta gamma."));
    const newer = doc(p("Alpha gamma delta."));
    expect(inline(changed(diffDocuments(older, newer).rows)[0].parts)).toBe("Alpha {-beta-} gamma {+delta+}.");
    expect(inline(changed(diffDocuments(newer, older).rows)[0].parts)).toBe("Alpha {+beta+} gamma {-delta-}.");
  });

  it("shows added and removed blocks, and keeps unrelated rewrites apart", () => {
    const diff = diffDocuments(
      doc(p("Kept paragraph stays."), p("An old paragraph about cats.")),
      doc(p("Kept paragraph stays."), p("Entirely different words here now."), p("Another new one.")),
    );
    expect(ops(diff.rows)).toEqual(["equal", "removed", "added", "added"]);
    expect(diff.changeCount).toBe(3);
  });

  it("recognises a moved paragraph as a move, not a deletion and an insertion", () => {
    const first = p("The first paragraph is long enough to count as a move.");
    const diff = diffDocuments(doc(first, p("Second."), p("Third.")), doc(p("Second."), p("Third."), first));
    const moves = diff.rows.filter((r) => r.op === "moved-from" || r.op === "moved-to");
    expect(moves.map((m) => m.op)).toEqual(["moved-from", "moved-to"]);
    expect(new Set(moves.map((m) => ("moveId" in m ? m.moveId : 0))).size).toBe(1);
    expect(diff.rows.some((r) => r.op === "added" || r.op === "removed")).toBe(false);
  });

  it("shows changes to headings with their level", () => {
    const diff = diffDocuments(doc(h(2, "Early history")), doc(h(2, "Later history")));
    const [row] = changed(diff.rows);
    expect(row.after.kind).toBe("h2");
    expect(row.after.label).toBe("Heading 2");
    expect(inline(row.parts)).toBe("{-Early-}{+Later+} history");
  });

  it("shows a link whose target changed though its text did not", () => {
    const link = (target: string) => text("the model", [{ type: "wikiLink", attrs: { target, fragment: null } }]);
    const diff = diffDocuments(doc(p("See ", link("gpt_5"), " here.")), doc(p("See ", link("gpt_5_2"), " here.")));
    const [row] = changed(diff.rows);
    const deleted = row.parts.find((part) => part.op === "delete")!;
    const inserted = row.parts.find((part) => part.op === "insert")!;
    expect(deleted.tokens.every((t) => t.target === "gpt_5")).toBe(true);
    expect(inserted.tokens.every((t) => t.target === "gpt_5_2")).toBe(true);
    expect(words(inserted.tokens)).toBe(" the model");
  });

  it('keeps the space that ends a text before a link ("developed by OpenAI", not "byOpenAI")', () => {
    const link = (label: string, target: string) => text(label, [{ type: "wikiLink", attrs: { target, fragment: null } }]);
    const sentence = (verb: string) => doc(p("It was developed by ", link("OpenAI", "openai"), ` and ${verb} as `, link("Claude", "claude"), "'s rival."));
    const [row] = changed(diffDocuments(sentence("released"), sentence("marketed")).rows);
    expect(inline(row.parts)).toBe("It was developed by OpenAI and {-released-}{+marketed+} as Claude's rival.");
  });

  it("shows a change of formatting and of an external link's address", () => {
    const diff = diffDocuments(
      doc(p("A ", text("bold"), " claim at ", text("site", [{ type: "link", attrs: { href: "https://a.example" } }]))),
      doc(p("A ", text("bold", [{ type: "bold" }]), " claim at ", text("site", [{ type: "link", attrs: { href: "https://b.example" } }]))),
    );
    const [row] = changed(diff.rows);
    expect(
      row.parts
        .filter((part) => part.op === "insert")
        .flatMap((part) => part.tokens)
        .map((t) => t.format ?? t.href),
    ).toEqual(["b", "https://b.example"]);
  });

  it("shows the table cell that changed, named by row and column", () => {
    const diff = diffDocuments(doc(table(["Model", "Score"], ["GPT-5", "71"])), doc(table(["Model", "Score"], ["GPT-5", "74"])));
    const [row] = changed(diff.rows);
    expect(row.after.label).toBe("Table cell, row 2, column 2");
    expect(inline(row.parts)).toBe("{-71-}{+74+}");
    expect(diff.changeCount).toBe(1);
  });

  it("lists sources added and removed, and citations that disappeared", () => {
    const diff = diffDocuments(doc(p("One", cite("a")), p("Two", cite("a")), p("Three", cite("b"))), doc(p("One", cite("a")), p("Two"), p("Three", cite("c", "p. 4"))));
    expect(diff.references).toEqual([
      { sourceId: "a", status: "changed", usesBefore: 2, usesAfter: 1, locatorsBefore: [], locatorsAfter: [] },
      { sourceId: "c", status: "added", usesBefore: 0, usesAfter: 1, locatorsBefore: [], locatorsAfter: ["p. 4"] },
      { sourceId: "b", status: "removed", usesBefore: 1, usesAfter: 0, locatorsBefore: [], locatorsAfter: [] },
    ]);
    const [two] = changed(diff.rows).filter((r) => words(r.before.tokens).startsWith("Two"));
    expect(inline(two.parts)).toBe("Two{-[a]-}");
  });

  it("numbers each marker as readers see it, footnotes of one source apart when their notes differ", () => {
    const footnote = (sourceId: string, note: string): NodeJSON => ({ type: "citation", attrs: { sourceId, locator: null, quote: null, note: [text(note)] } });
    const document = doc(p("One", footnote("a", "First note."), cite("b")), p("Two", footnote("a", "Second note."), cite("a"), footnote("a", "First note.")));
    const numbers = citationNumbers(document);
    const markers = diffDocuments(doc(), document)
      .rows.flatMap((r) => ("block" in r ? r.block.tokens : []))
      .filter((t) => t.numberKey);
    const read = renderArticle(document, { sources: new Map(), pageExists: () => true }).html.match(/\[\d+\]/g);
    expect(markers.map((t) => `[${numbers.get(t.numberKey!)}]`)).toEqual(read);
    expect(read).toEqual(["[1]", "[2]", "[3]", "[4]", "[1]"]);
    // The list of changed sources names a source by the number of its markers without a note.
    expect(numbers.get("a")).toBe(4);
  });

  it("keeps list items and quotes as their own blocks", () => {
    const list = (...items: string[]): NodeJSON => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
    const diff = diffDocuments(doc(list("Apples", "Pears")), doc(list("Apples", "Pears", "Plums"), { type: "blockquote", content: [p("Quoted")] }));
    expect(diff.rows.map((r) => ("block" in r ? `${r.op}:${r.block.label}` : r.op))).toEqual(["equal:List item", "equal:List item", "added:List item", "added:Quote"]);
  });
});
