import { Parser } from "htmlparser2";
import { type CslName, type CslSourceFields, isoDate } from "./csl";
import { normalizeDoi, webUrl } from "./url";

/** What the parser keeps of a page: every `<meta>` value by lower-cased name, the canonical link and the title. */
interface PageTags {
  meta: Map<string, string[]>;
  canonical: string | null;
  title: string | null;
}

/** Collapses runs of white space (line breaks inside attributes, non-breaking spaces) and trims. */
function clean(text: string | undefined | null): string | null {
  const cleaned = text?.replace(/\s+/g, " ").trim();
  return cleaned || null;
}

function readTags(html: string): PageTags {
  const meta = new Map<string, string[]>();
  let canonical: string | null = null;
  let title: string | null = null;
  let titleText: string | null = null;
  // An SVG's <title> names the drawing, not the page.
  let svgDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "svg") svgDepth++;
        else if (name === "meta") {
          // Open Graph puts its names in `property`; Highwire and Dublin Core in `name`.
          const key = clean(attributes.name ?? attributes.property)?.toLowerCase();
          const content = clean(attributes.content);
          if (key && content) meta.set(key, [...(meta.get(key) ?? []), content]);
        } else if (name === "link" && canonical === null && attributes.href) {
          const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
          if (rel.includes("canonical")) canonical = attributes.href.trim();
        } else if (name === "title" && svgDepth === 0 && title === null) titleText = "";
      },
      ontext(text) {
        if (titleText !== null) titleText += text;
      },
      onclosetag(name) {
        if (name === "svg") svgDepth = Math.max(0, svgDepth - 1);
        else if (name === "title" && titleText !== null) {
          title = clean(titleText);
          titleText = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { meta, canonical, title };
}

/** The first of the named tags that has a value. */
function first(tags: PageTags, ...names: string[]): string | null {
  for (const name of names) {
    const value = tags.meta.get(name)?.[0];
    if (value) return value;
  }
  return null;
}

/** Every value of the first of the named tags that has any. */
function all(tags: PageTags, ...names: string[]): string[] {
  for (const name of names) {
    const values = tags.meta.get(name);
    if (values?.length) return values;
  }
  return [];
}

const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "ten", "ter", "zu"]);

/** "Family, Given" or "Given Family" (with a "van", "de", … kept with the family name) as a CSL name. */
export function parsePersonName(raw: string): CslName | null {
  const name = clean(raw);
  if (!name) return null;
  if (name.includes(",")) {
    const [family, ...rest] = name.split(",");
    const given = clean(rest.join(","));
    return given && clean(family) ? { family: clean(family)!, given } : { literal: name.replace(/,\s*$/, "") };
  }
  const words = name.split(" ");
  if (words.length < 2) return { literal: name };
  const particle = words.findIndex((word, i) => i > 0 && i < words.length - 1 && PARTICLES.has(word));
  const split = particle > 0 ? particle : words.length - 1;
  return { family: words.slice(split).join(" "), given: words.slice(0, split).join(" ") };
}

function names(values: string[]): CslName[] {
  const seen = new Set<string>();
  const result: CslName[] = [];
  for (const value of values) {
    const name = parsePersonName(value);
    const key = JSON.stringify(name);
    if (name && !seen.has(key)) {
      seen.add(key);
      result.push(name);
    }
  }
  return result;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A date as written in a meta tag ("2026/03/14", "2026-03-14T09:00:00Z", "2026-3", "2026",
 * "14 March 2026", "March 14, 2026") as an ISO partial date; null when it cannot be read.
 * Timestamps keep the publisher's own calendar day rather than being moved into another time zone.
 */
export function parseMetaDate(raw: string): string | null {
  const text = raw.trim();
  const numeric = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(text);
  let parts: number[] | null = null;
  if (numeric) parts = numeric.slice(1).filter(Boolean).map(Number);
  const dayFirst = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(text);
  if (!parts && dayFirst && monthNumber(dayFirst[2])) parts = [Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1])];
  const monthFirst = /^([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\b/.exec(text);
  if (!parts && monthFirst && monthNumber(monthFirst[1])) {
    parts = [Number(monthFirst[3]), monthNumber(monthFirst[1]), ...(monthFirst[2] ? [Number(monthFirst[2])] : [])];
  }
  if (!parts) return null;
  // A month or day out of range drops that part and what follows, rather than the whole date.
  const [year, month, day] = parts;
  const kept = [year];
  if (month >= 1 && month <= 12) {
    kept.push(month);
    if (day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()) kept.push(day);
  }
  return isoDate({ "date-parts": [kept] });
}

/** An address from the page, absolute against the page's own, when it is a web address. */
function doiFrom(values: string[]): string | null {
  for (const value of values) {
    const doi = normalizeDoi(value.replace(/^info:doi\//i, ""));
    if (doi) return doi;
  }
  return null;
}

function isbnFrom(values: string[]): string | null {
  for (const value of values) {
    const isbn = /^(?:urn:isbn:|isbn:?\s*)?([\d-]{9,}[\dXx])$/i.exec(value.trim());
    if (isbn) return isbn[1];
  }
  return null;
}

/**
 * The fields of a library record read from a web page's metadata, in order of trust: Highwire
 * (`citation_*`, what Google Scholar reads), Dublin Core, Open Graph and `article:*`, `<meta name=author>`
 * and finally `<title>`. The address is the page's canonical one when it names one, otherwise
 * `pageUrl`; relative addresses in the page resolve against `baseUrl` (where it was fetched from).
 * Never throws: a page without metadata gives a record titled "(untitled)".
 */
export function sourceFieldsFromPage(html: string, pageUrl: string, baseUrl: string = pageUrl): CslSourceFields {
  const tags = readTags(html);
  const journal = first(tags, "citation_journal_title");
  const conference = first(tags, "citation_conference_title");
  const book = first(tags, "citation_book_title", "citation_inbook_title");
  const thesisInstitution = first(tags, "citation_dissertation_institution");
  const reportInstitution = first(tags, "citation_technical_report_institution");
  const isbn = isbnFrom([...all(tags, "citation_isbn"), ...all(tags, "dc.identifier", "dcterms.identifier").filter((v) => /^(?:urn:)?isbn/i.test(v))]);
  const type = journal
    ? "article-journal"
    : conference
      ? "paper-conference"
      : book
        ? "chapter"
        : thesisInstitution
          ? "thesis"
          : reportInstitution
            ? "report"
            : first(tags, "citation_isbn")
              ? "book"
              : "webpage";

  const citationAuthors = all(tags, "citation_author").length ? all(tags, "citation_author") : all(tags, "citation_authors").flatMap((list) => list.split(";"));
  const articleAuthors = all(tags, "article:author").filter((value) => !/^https?:\/\//i.test(value));
  const authorValues = [citationAuthors, all(tags, "dc.creator", "dcterms.creator"), articleAuthors, all(tags, "author")].find((list) => list.length) ?? [];

  const dates = [
    ...all(tags, "citation_publication_date"),
    ...all(tags, "citation_date"),
    ...all(tags, "citation_online_date"),
    ...all(tags, "dc.date", "dcterms.issued", "dcterms.date", "dc.date.issued"),
    ...all(tags, "article:published_time"),
  ];
  const issued = dates.map(parseMetaDate).find(Boolean) ?? null;

  const canonical = [tags.canonical, first(tags, "og:url")].map((raw) => raw && webUrl(raw, baseUrl)?.href).find(Boolean);
  const [firstPage, lastPage] = [first(tags, "citation_firstpage", "prism.startingpage"), first(tags, "citation_lastpage", "prism.endingpage")];

  return {
    type,
    title: first(tags, "citation_title", "dc.title", "dcterms.title", "og:title") ?? tags.title ?? "(untitled)",
    authors: names(authorValues),
    containerTitle: journal ?? conference ?? book ?? (type === "webpage" ? first(tags, "og:site_name") : null),
    volume: first(tags, "citation_volume", "prism.volume"),
    issue: first(tags, "citation_issue", "prism.number"),
    page: firstPage && lastPage && lastPage !== firstPage ? `${firstPage}-${lastPage}` : firstPage,
    publisher: first(tags, "citation_publisher", "dc.publisher", "dcterms.publisher") ?? thesisInstitution ?? reportInstitution,
    issued,
    accessed: null,
    url: canonical ?? (clean(pageUrl) || null),
    doi: doiFrom([...all(tags, "citation_doi"), ...all(tags, "dc.identifier", "dcterms.identifier"), ...all(tags, "prism.doi")]),
    isbn,
    note: null,
  };
}
