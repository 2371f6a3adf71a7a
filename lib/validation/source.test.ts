import { describe, expect, it } from "vitest";
import { sourceFieldsFromCsl, toCslItem } from "../content/csl";
import { SOURCE_FIELD_NAMES, SOURCE_FIELDS } from "../content/source-fields";
import { SOURCE_TYPES, SourceFieldsSchema } from "./source";

// A value each kind of field takes, as long as the field allows.
const valid = (name: (typeof SOURCE_FIELD_NAMES)[number], length: number): string => {
  switch (SOURCE_FIELDS[name].kind) {
    case "type":
      return "book";
    case "date":
      return "2026-03-14";
    case "url":
      return `https://example.org/${"a".repeat(length - 20)}`;
    case "doi":
      return `10.1234/${"a".repeat(length - 8)}`;
    case "names":
      return `${"b".repeat(length - 3)}, C`;
    default:
      return "d".repeat(length);
  }
};

describe("source fields", () => {
  it("are checked by the schema each at its own limit, and nothing else is taken", () => {
    expect(Object.keys(SourceFieldsSchema.shape).sort()).toEqual([...SOURCE_FIELD_NAMES, "summary"].sort());
    for (const name of SOURCE_FIELD_NAMES) {
      const { kind, max } = SOURCE_FIELDS[name];
      if (kind === "type" || kind === "date") continue;
      const at = { type: "book", title: "T", [name]: valid(name, max) };
      expect(SourceFieldsSchema.safeParse(at).success, `${name} at ${max}`).toBe(true);
      const over = { type: "book", title: "T", [name]: valid(name, max + 1) };
      expect(SourceFieldsSchema.safeParse(over).success, `${name} past ${max}`).toBe(false);
    }
  });

  it("go to CSL-JSON and come back as they were", () => {
    const record = {
      id: "s",
      type: "article-journal",
      title: "On Sources",
      authors: [{ family: "Okafor", given: "Adaeze" }, { literal: "OpenAI" }],
      containerTitle: "Journal of Open Knowledge",
      volume: "12",
      issue: "3",
      page: "45-67",
      publisher: "Open Press",
      issued: "2025-06-02",
      url: "https://example.org/on-sources",
      doi: "10.5555/sources.1",
      isbn: "978-0226239736",
      accessed: "2026-01-05",
      note: "Read twice.",
    };
    const { id: _id, ...fields } = record;
    expect(sourceFieldsFromCsl(toCslItem(record) as unknown as Record<string, unknown>, SOURCE_TYPES)).toEqual(fields);
    // Every field CSL has a variable for is written, under that variable.
    const written = Object.keys(toCslItem(record));
    for (const name of SOURCE_FIELD_NAMES) if (SOURCE_FIELDS[name].csl) expect(written).toContain(SOURCE_FIELDS[name].csl);
  });
});
