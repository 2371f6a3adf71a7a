import { describe, expect, it } from "vitest";
import { type EntryStore, entryKey, formatEntries, formatEntry } from "./citation-format";
import { CITATION_STYLES, type CitationStyleId } from "./citation-styles";
import { toCslItem } from "./csl";
import { unique } from "../../test/unique";

const article = toCslItem({
  id: "a",
  type: "article-journal",
  title: "Measuring Citation Coverage in Collaborative Encyclopedias",
  authors: [
    { family: "Okafor", given: "Adaeze" },
    { family: "Lindqvist", given: "Per" },
  ],
  containerTitle: "Journal of Open Knowledge",
  volume: "12",
  issue: "3",
  page: "45-67",
  publisher: null,
  issued: "2025-06-02",
  accessed: null,
  url: "https://doi.org/10.5555/palimpsest.1",
  doi: "10.5555/palimpsest.1",
});
const webpage = toCslItem({
  id: "w",
  type: "webpage",
  title: "Introducing GPT-5.2",
  authors: [{ literal: "OpenAI" }],
  containerTitle: "OpenAI",
  publisher: null,
  issued: "2025-12-11",
  accessed: "2026-01-05",
  url: "https://openai.com/index/introducing-gpt-5-2/",
});
const book = toCslItem({
  id: "b",
  type: "book",
  title: "The Craft of Research",
  authors: [{ family: "Booth", given: "Wayne C." }],
  containerTitle: null,
  publisher: "University of Chicago Press",
  issued: "2016",
  accessed: null,
  url: null,
  isbn: "978-0226239736",
});

const doiLink = (text: string) => `<a href="https://doi.org/10.5555/palimpsest.1" class="external" rel="nofollow noopener noreferrer">${text}</a>`;
const openAiLink = '<a href="https://openai.com/index/introducing-gpt-5-2/" class="external" rel="nofollow noopener noreferrer">https://openai.com/index/introducing-gpt-5-2/</a>';

/** Known-correct entries, checked against each style's manual. */
const EXPECTED: Record<CitationStyleId, [string, string, string]> = {
  apa: [
    `Okafor, A., &amp; Lindqvist, P. (2025). Measuring Citation Coverage in Collaborative Encyclopedias. <i>Journal of Open Knowledge</i>, <i>12</i>(3), 45–67. ${doiLink("https://doi.org/10.5555/palimpsest.1")}`,
    `OpenAI. (2025, December 11). <i>Introducing GPT-5.2</i>. OpenAI. ${openAiLink}`,
    "Booth, W. C. (2016). <i>The Craft of Research</i>. University of Chicago Press.",
  ],
  "modern-language-association": [
    `Okafor, Adaeze, and Per Lindqvist. “Measuring Citation Coverage in Collaborative Encyclopedias.” <i>Journal of Open Knowledge</i>, vol. 12, no. 3, June 2025, pp. 45–67, ${doiLink("https://doi.org/10.5555/palimpsest.1")}.`,
    `OpenAI. “Introducing GPT-5.2.” <i>OpenAI</i>, 11 Dec. 2025, ${openAiLink}.`,
    "Booth, Wayne C. <i>The Craft of Research</i>. University of Chicago Press, 2016.",
  ],
  "chicago-author-date": [
    `Okafor, Adaeze, and Per Lindqvist. 2025. “Measuring Citation Coverage in Collaborative Encyclopedias.” <i>Journal of Open Knowledge</i> 12 (3): 45–67. ${doiLink("https://doi.org/10.5555/palimpsest.1")}.`,
    `OpenAI. 2025. “Introducing GPT-5.2.” OpenAI. December 11, 2025. ${openAiLink}.`,
    "Booth, Wayne C. 2016. <i>The Craft of Research</i>. University of Chicago Press.",
  ],
  "harvard-cite-them-right": [
    `Okafor, A. and Lindqvist, P. (2025) “Measuring Citation Coverage in Collaborative Encyclopedias,” <i>Journal of Open Knowledge</i>, 12(3), pp. 45–67. Available at: ${doiLink("https://doi.org/10.5555/palimpsest.1")}.`,
    `OpenAI (2025) <i>Introducing GPT-5.2</i>, <i>OpenAI</i>. Available at: ${openAiLink} (Accessed: January 5, 2026).`,
    "Booth, W.C. (2016) <i>The Craft of Research</i>. University of Chicago Press.",
  ],
  vancouver: [
    `Okafor A, Lindqvist P. Measuring Citation Coverage in Collaborative Encyclopedias. Journal of Open Knowledge. 2025 Jun 2;12(3):45–67. doi:${doiLink("10.5555/palimpsest.1")}`,
    `OpenAI. OpenAI [Internet]. 2025 [cited 2026 Jan 5]. Introducing GPT-5.2. Available from: ${openAiLink}`,
    "Booth WC. The Craft of Research. University of Chicago Press; 2016.",
  ],
};

describe("citation styles", () => {
  it.each(CITATION_STYLES.map((s) => s.id))("formats a journal article, a web page and a book in %s", async (style) => {
    const entries = await formatEntries([article, webpage, book], style);
    expect([entries.get("a"), entries.get("w"), entries.get("b")]).toEqual(EXPECTED[style]);
  });

  it("formats one entry the same as it does in a list, and again from its cache", async () => {
    expect(await formatEntry(book, "apa")).toBe(EXPECTED.apa[2]);
    expect(await formatEntry(book, "apa")).toBe(EXPECTED.apa[2]);
    expect(await formatEntry({ ...book, title: "The Craft of Research, 4th ed." }, "apa")).toContain("<i>The Craft of Research, 4th ed.</i>");
  });

  it("takes entries kept in a store as they are, formats only the others and gives those to the store", async () => {
    const tag = unique();
    const keptBook = { ...book, id: "kept", title: `Kept ${tag}` };
    const newBook = { ...book, id: "new", title: `New ${tag}` };
    const stored = new Map([[entryKey(keptBook, "vancouver"), "<i>As kept</i>"]]);
    const asked: string[][] = [];
    const store: EntryStore = {
      read: async (keys) => {
        asked.push(keys);
        return new Map(keys.flatMap((key) => (stored.has(key) ? [[key, stored.get(key)!] as const] : [])));
      },
      write: async (entries) => {
        for (const [key, html] of entries) stored.set(key, html);
      },
    };
    const entries = await formatEntries([keptBook, newBook], "vancouver", store);
    expect(entries.get("kept")).toBe("<i>As kept</i>");
    expect(entries.get("new")).toContain(`New ${tag}.`);
    expect(stored.get(entryKey(newBook, "vancouver"))).toBe(entries.get("new"));
    expect(asked).toEqual([[entryKey(keptBook, "vancouver"), entryKey(newBook, "vancouver")]]);
    // Both are in this process's memory now: the store is not asked again.
    expect(await formatEntries([keptBook, newBook], "vancouver", store)).toEqual(entries);
    expect(asked).toHaveLength(1);
    // Another style, or a changed source, is another entry.
    expect(entryKey(newBook, "apa")).not.toBe(entryKey(newBook, "vancouver"));
    expect(entryKey({ ...newBook, title: "Changed" }, "vancouver")).not.toBe(entryKey(newBook, "vancouver"));
  });

  it("keeps the text of a source as text (but for CSL's own italics and bold) and links only safe addresses", async () => {
    const hostile = toCslItem({
      id: "x",
      type: "webpage",
      title: '<img src=x onerror="alert(1)"> & <script>alert(2)</script>',
      authors: [{ literal: "<b>Eve</b>" }],
      containerTitle: null,
      publisher: null,
      issued: null,
      accessed: null,
      url: "javascript:alert(3)",
    });
    for (const { id } of CITATION_STYLES) {
      const html = await formatEntry(hostile, id);
      expect(html).not.toMatch(/<img|<script|href="javascript/i);
      expect(html).toMatch(/&lt;img src=x/i);
    }
  });
});
