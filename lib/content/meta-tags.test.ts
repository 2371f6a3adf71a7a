import { describe, expect, it } from "vitest";
import { parseMetaDate, parsePersonName, sourceFieldsFromPage } from "./meta-tags";

const page = (head: string, body = "") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("sourceFieldsFromPage", () => {
  it("reads a journal article's Highwire tags before any others", () => {
    const html = page(`
      <title>Site title</title>
      <meta property="og:title" content="Open Graph title">
      <meta name="DC.title" content="Dublin Core title">
      <meta name="citation_title" content="Measuring Citation Coverage">
      <meta name="citation_author" content="Okafor, Adaeze">
      <meta name="citation_author" content="Per Lindqvist">
      <meta name="citation_journal_title" content="Journal of Open Knowledge">
      <meta name="citation_publisher" content="Open Knowledge Press">
      <meta name="citation_publication_date" content="2025/06/02">
      <meta name="citation_volume" content="12">
      <meta name="citation_issue" content="3">
      <meta name="citation_firstpage" content="45">
      <meta name="citation_lastpage" content="67">
      <meta name="citation_doi" content="doi:10.5555/Palimpsest.1">
      <meta name="citation_pdf_url" content="https://example.org/article.pdf">
      <meta property="og:site_name" content="Example Journals">`);
    expect(sourceFieldsFromPage(html, "https://example.org/article")).toEqual({
      type: "article-journal",
      title: "Measuring Citation Coverage",
      authors: [
        { family: "Okafor", given: "Adaeze" },
        { family: "Lindqvist", given: "Per" },
      ],
      containerTitle: "Journal of Open Knowledge",
      volume: "12",
      issue: "3",
      page: "45-67",
      publisher: "Open Knowledge Press",
      issued: "2025-06-02",
      accessed: null,
      url: "https://example.org/article",
      doi: "10.5555/palimpsest.1",
      isbn: null,
      note: null,
    });
  });

  it("types conference papers, chapters and books by their tags", () => {
    const conference = page(`<meta name="citation_title" content="A paper"><meta name="citation_conference_title" content="WikiSym 2026">`);
    expect(sourceFieldsFromPage(conference, "https://example.org/p")).toMatchObject({ type: "paper-conference", containerTitle: "WikiSym 2026" });
    const chapter = page(
      `<meta name="citation_title" content="A chapter"><meta name="citation_book_title" content="A book"><meta name="citation_isbn" content="978-3-16-148410-0">`,
    );
    expect(sourceFieldsFromPage(chapter, "https://example.org/c")).toMatchObject({ type: "chapter", containerTitle: "A book", isbn: "978-3-16-148410-0" });
    const book = page(`<meta name="citation_title" content="A book"><meta name="citation_isbn" content="9783161484100"><meta name="og:site_name" content="Shop">`);
    expect(sourceFieldsFromPage(book, "https://example.org/b")).toMatchObject({ type: "book", containerTitle: null, isbn: "9783161484100" });
  });

  it("falls back to Dublin Core", () => {
    const html = page(`
      <meta name="DC.Title" content="Annual Report">
      <meta name="DC.creator" content="Moreau, Inès">
      <meta name="DC.creator" content="Lima, Ana">
      <meta name="DC.date" content="2024-11">
      <meta name="DC.publisher" content="Statistics Office">
      <meta name="DC.identifier" content="info:doi/10.1234/report.2024">`);
    expect(sourceFieldsFromPage(html, "https://stats.example/report")).toMatchObject({
      type: "webpage",
      title: "Annual Report",
      authors: [
        { family: "Moreau", given: "Inès" },
        { family: "Lima", given: "Ana" },
      ],
      issued: "2024-11",
      publisher: "Statistics Office",
      doi: "10.1234/report.2024",
    });
  });

  it("reads a blog post's Open Graph tags, skipping author profile links", () => {
    const html = page(`
      <title>Why we cite &amp; how &#8212; Field Notes</title>
      <meta property="og:type" content="article">
      <meta property="og:title" content="Why we cite &amp; how">
      <meta property="og:site_name" content="Field Notes">
      <meta property="og:url" content="https://example.org/blog?ref=canonical">
      <meta property="article:published_time" content="2026-03-14T23:30:00-05:00">
      <meta property="article:author" content="https://example.org/authors/ines">
      <meta name="author" content="Inés Moreau">`);
    expect(sourceFieldsFromPage(html, "https://example.org/blog?utm_source=feed")).toEqual({
      type: "webpage",
      title: "Why we cite & how",
      authors: [{ family: "Moreau", given: "Inés" }],
      containerTitle: "Field Notes",
      volume: null,
      issue: null,
      page: null,
      publisher: null,
      issued: "2026-03-14",
      accessed: null,
      url: "https://example.org/blog?ref=canonical",
      doi: null,
      isbn: null,
      note: null,
    });
  });

  it("takes the article author when it is a name", () => {
    const html = page(`<meta property="article:author" content="Vincent van Gogh"><meta name="author" content="Someone Else">`);
    expect(sourceFieldsFromPage(html, "https://example.org/x").authors).toEqual([{ family: "van Gogh", given: "Vincent" }]);
  });

  it("uses the page title, decoding entities and ignoring drawings' titles", () => {
    const html = page(`<title>\n  Caf&eacute; &lt;Notes&gt; &#x2014; a&nbsp;diary\n</title>`, `<svg><title>Logo</title></svg>`);
    const svgFirst = `<html><body><svg><title>Logo</title></svg><title>Real</title></body></html>`;
    expect(sourceFieldsFromPage(html, "https://example.org/x").title).toBe("Café <Notes> — a diary");
    expect(sourceFieldsFromPage(svgFirst, "https://example.org/x").title).toBe("Real");
  });

  it("gives an untitled web page for a page without metadata, or no page at all", () => {
    for (const html of ["", "<p>just text", "not html at all <<<>>>"]) {
      expect(sourceFieldsFromPage(html, "https://example.org/x")).toEqual({
        type: "webpage",
        title: "(untitled)",
        authors: [],
        containerTitle: null,
        volume: null,
        issue: null,
        page: null,
        publisher: null,
        issued: null,
        accessed: null,
        url: "https://example.org/x",
        doi: null,
        isbn: null,
        note: null,
      });
    }
  });

  it("prefers the canonical link, resolved against the page, over og:url and the fetched address", () => {
    const html = page(`<link rel="alternate canonical" href="../papers/42"><meta property="og:url" content="https://example.org/og">`);
    expect(sourceFieldsFromPage(html, "https://example.org/a/b?x=1").url).toBe("https://example.org/papers/42");
    const base = sourceFieldsFromPage(page(`<link rel="canonical" href="/moved">`), "https://cited.example/x", "https://final.example/y");
    expect(base.url).toBe("https://final.example/moved");
  });

  it("ignores canonical addresses that are not web addresses", () => {
    for (const href of ["javascript:alert(1)", "mailto:a@example.org", "ftp://example.org/x"]) {
      const html = page(`<link rel="canonical" href="${href}">`);
      expect(sourceFieldsFromPage(html, "https://example.org/cited").url).toBe("https://example.org/cited");
    }
  });

  it("tries the next date when one cannot be read", () => {
    const html = page(`<meta name="citation_publication_date" content="forthcoming"><meta name="citation_online_date" content="2026/01/05">`);
    expect(sourceFieldsFromPage(html, "https://example.org/x").issued).toBe("2026-01-05");
  });
});

describe("parseMetaDate", () => {
  it("reads the forms pages use", () => {
    const cases: [string, string | null][] = [
      ["2026/03/14", "2026-03-14"],
      ["2026-03-14", "2026-03-14"],
      ["2026-3-4", "2026-03-04"],
      ["2026", "2026"],
      ["2026/03", "2026-03"],
      ["2026-03-14T09:30:00Z", "2026-03-14"],
      ["2026-03-14 09:30", "2026-03-14"],
      ["14 March 2026", "2026-03-14"],
      ["Sat, 14 Mar 2026 09:30:00 GMT", "2026-03-14"],
      ["March 14, 2026", "2026-03-14"],
      ["Sept. 2025", "2025-09"],
      ["2026-13-40", "2026"],
      ["2026-02-30", "2026-02"],
      ["yesterday", null],
      ["", null],
      ["0999", null],
    ];
    for (const [text, iso] of cases) expect(parseMetaDate(text), text).toBe(iso);
  });
});

describe("parsePersonName", () => {
  it("reads family-first and given-first names", () => {
    expect(parsePersonName("Okafor, Adaeze")).toEqual({ family: "Okafor", given: "Adaeze" });
    expect(parsePersonName("Adaeze  Okafor")).toEqual({ family: "Okafor", given: "Adaeze" });
    expect(parsePersonName("Mary Jane Watson")).toEqual({ family: "Watson", given: "Mary Jane" });
    expect(parsePersonName("Ludwig van Beethoven")).toEqual({ family: "van Beethoven", given: "Ludwig" });
    expect(parsePersonName("de la Cruz, Juana")).toEqual({ family: "de la Cruz", given: "Juana" });
  });
  it("keeps a single name as written", () => {
    expect(parsePersonName("UNESCO")).toEqual({ literal: "UNESCO" });
    expect(parsePersonName("Plato,")).toEqual({ literal: "Plato" });
    expect(parsePersonName("   ")).toBeNull();
  });
});
