import { Cite } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { exportBibliography, parseBibliography } from "./bibliography";
import { type CslItem, cslDate, toCslItem } from "./csl";

const paper = toCslItem({
  id: "p1",
  type: "article-journal",
  title: "Measuring frontier model risks",
  authors: [{ family: "Doe", given: "Jane" }],
  containerTitle: "Journal of AI Safety",
  volume: "4",
  issue: "2",
  page: "10-20",
  publisher: null,
  issued: "2026-03-14",
  accessed: null,
  url: "https://example.org/paper",
  doi: "10.1234/abcd.5678",
});
const post = toCslItem({
  id: "w1",
  type: "webpage",
  title: "Import AI 412",
  authors: [{ literal: "Jack Clark" }],
  containerTitle: "Import AI",
  publisher: null,
  issued: "2026-01",
  accessed: "2026-11-20",
  url: "https://importai.substack.com/p/412",
});
const reread = (text: string) => new Cite(text).data as unknown as CslItem[];

describe("bibliographies", () => {
  it("turns library records into CSL-JSON, leaving out what is empty", () => {
    expect(cslDate("2026")).toEqual({ "date-parts": [[2026]] });
    expect(cslDate("soon")).toBeUndefined();
    expect(post).toEqual({
      id: "w1",
      type: "webpage",
      title: "Import AI 412",
      author: [{ literal: "Jack Clark" }],
      "container-title": "Import AI",
      issued: { "date-parts": [[2026, 1]] },
      accessed: { "date-parts": [[2026, 11, 20]] },
      URL: "https://importai.substack.com/p/412",
    });
  });

  it("writes BibTeX that reads back with its titles, authors, dates and identifiers", () => {
    const bibtex = exportBibliography([paper, post], "bibtex");
    expect(bibtex).toMatch(/@article\{Doe2026Measuring,/);
    const [a, b] = reread(bibtex);
    expect(a).toMatchObject({
      type: "article-journal",
      title: "Measuring frontier model risks",
      author: [{ family: "Doe", given: "Jane" }],
      DOI: "10.1234/abcd.5678",
      "container-title": "Journal of AI Safety",
      issued: { "date-parts": [[2026, 3, 14]] },
    });
    expect(a).toMatchObject({ volume: "4", issue: "2", page: "10-20" });
    expect(b).toMatchObject({ title: "Import AI 412", URL: "https://importai.substack.com/p/412" });
  });

  it("writes RIS that reads back the same way", () => {
    const ris = exportBibliography([paper, post], "ris");
    expect(ris).toContain("TY  - JOUR");
    const [a, b] = reread(ris);
    expect(a).toMatchObject({ title: "Measuring frontier model risks", DOI: "10.1234/abcd.5678", author: [{ family: "Doe", given: "Jane" }] });
    expect(b).toMatchObject({ title: "Import AI 412", URL: "https://importai.substack.com/p/412" });
  });

  it("writes CSL-JSON as it is, and nothing for no sources", () => {
    expect(JSON.parse(exportBibliography([paper], "csl-json"))).toEqual([paper]);
    expect(exportBibliography([], "bibtex")).toBe("");
  });
});

describe("reading bibliographic files", () => {
  it("reads BibTeX, RIS and CSL-JSON into CSL-JSON items", () => {
    const both = [paper, post];
    for (const format of ["bibtex", "ris", "csl-json"] as const) {
      const items = parseBibliography(exportBibliography(both, format), format);
      expect(items.map((i) => i.title)).toEqual(["Measuring frontier model risks", "Import AI 412"]);
    }
  });

  it("names the entry at fault and reads nothing from a bad file", () => {
    const bibtex = `${exportBibliography([paper], "bibtex")}\n@article{broken2026, title = {Unclosed, year = 2026\n`;
    expect(() => parseBibliography(bibtex, "bibtex")).toThrow(/^Entry broken2026: /);
    const ris = `${exportBibliography([paper], "ris")}\nTY  - JOUR\nXX  - nonsense\nER  - \n`;
    expect(() => parseBibliography(ris, "ris")).toThrow(/^Record 2 \(TY {2}- JOUR\)/);
    expect(() => parseBibliography('[{"id":"a","title":"Fine"},{"id":"b"}]', "csl-json")).toThrow("Entry 2 (b): has no title.");
    expect(() => parseBibliography("{not json", "csl-json")).toThrow(/^The file: is not JSON/);
    expect(() => parseBibliography("just words", "bibtex")).toThrow("The file: holds no entries.");
  });
});
