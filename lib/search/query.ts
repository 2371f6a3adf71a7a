// What a reader types into the search box, read once into terms every engine understands the same
// way: words, "quoted phrases", -excluded words, and an `ns:` namespace filter.
import { normalizePageId } from "../content/page-id";

/** Longest query read; the rest is ignored rather than refused. */
export const MAX_QUERY_LENGTH = 300;
/** Most results on one page of results. */
export const MAX_SEARCH_LIMIT = 50;
/** Most terms read from one query. */
const MAX_TERMS = 12;

export interface SearchTerm {
  /** The words, lower case, without operator characters. */
  words: string[];
  /**
   * The term as typed (NFKC), without its sign and quotes, for an engine that reads it into words
   * as it reads the text it indexed: PostgreSQL keeps "GPT-5.2" as `gpt` and `-5.2`.
   */
  text: string;
  /** Quoted: the words must follow one another. */
  phrase: boolean;
  /** Preceded by `-`: pages containing it are left out. */
  exclude: boolean;
}

export interface ParsedQuery {
  terms: SearchTerm[];
  /** From `ns:name` in the query, normalised like a page id; null when none. */
  namespace: string | null;
}

/** Letters and digits make words; everything else (FTS operators included) only separates them. */
const words = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * What a reader typed, made safe to hand to a database: at most {@link MAX_QUERY_LENGTH}
 * characters, without control characters or halves of surrogate pairs, trimmed.
 */
export function cleanQueryText(raw: string): string {
  return raw
    .slice(0, MAX_QUERY_LENGTH)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim();
}

/** Reads a query. Never throws: what it cannot use is ignored. */
export function parseQuery(raw: string): ParsedQuery {
  const text = cleanQueryText(raw);
  const terms: SearchTerm[] = [];
  let namespace: string | null = null;
  // A quoted phrase (closed or running to the end), or a run of anything but spaces.
  for (const [, sign, quoted, bare] of text.matchAll(/(-?)(?:"([^"]*)"?|([^\s"]+))/g)) {
    if (bare !== undefined && /^(?:ns|namespace):/i.test(bare)) {
      namespace = normalizePageId(bare.slice(bare.indexOf(":") + 1)) || null;
      continue;
    }
    const found = words(quoted ?? bare ?? "");
    if (!found.length) continue;
    const phrase = quoted !== undefined && found.length > 1;
    // A bare word with inner punctuation ("gpt-5.2") is matched as the phrase of its parts.
    terms.push({ words: found, text: (quoted ?? bare).normalize("NFKC"), phrase: phrase || found.length > 1, exclude: sign === "-" });
    if (terms.length >= MAX_TERMS) break;
  }
  return { terms, namespace };
}

/** Whether a query has something to look for (exclusions alone do not). */
export const hasTerms = (query: ParsedQuery) => query.terms.some((t) => !t.exclude);

/** Text as one FTS5 string: quoted, so nothing in it is read as an operator. */
export const fts5String = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A term in FTS5's syntax: `"a" + "b"` is its phrase; a `*` after its last word makes that word a prefix. */
const fts5Term = (t: SearchTerm, prefix = false) => `${t.words.map(fts5String).join(" + ")}${prefix ? "*" : ""}`;

/**
 * The query in SQLite FTS5's syntax. Every word is quoted, so nothing a reader types is read as
 * an operator; `prefix` lets the last word match as the start of a word (suggestions); `positive`
 * leaves out the excluded words.
 */
export function toFts5(query: ParsedQuery, { prefix = false, positive = false }: { prefix?: boolean; positive?: boolean } = {}): string {
  const included = query.terms.filter((t) => !t.exclude);
  const found = included.map((t, i) => fts5Term(t, prefix && i === included.length - 1)).join(" AND ");
  return positive ? found : query.terms.filter((t) => t.exclude).reduce((q, t) => `${q} NOT ${fts5Term(t)}`, found);
}

/** Any of the excluded words, in FTS5's syntax; null when the query excludes none. */
export function excludedFts5(query: ParsedQuery): string | null {
  const excluded = query.terms.filter((t) => t.exclude);
  return excluded.length ? excluded.map((t) => fts5Term(t)).join(" OR ") : null;
}

/**
 * The query in PostgreSQL's `websearch_to_tsquery` syntax, rebuilt from the parsed terms (only the
 * wanted ones with `positive`). Each term is quoted as typed, so PostgreSQL reads it into words as
 * it read the indexed text, and nothing in it (`or` among the rest) is read as an operator.
 */
export function toWebSearch(query: ParsedQuery, { positive = false } = {}): string {
  return query.terms
    .filter((t) => !(positive && t.exclude))
    .map((t) => `${t.exclude ? "-" : ""}"${t.text}"`)
    .join(" ");
}

/** The words a result's snippet highlights (those looked for, not those excluded). */
export function highlightWords(query: ParsedQuery): string[] {
  return query.terms.filter((t) => !t.exclude).flatMap((t) => t.words);
}

/**
 * The first and the second half of each word of three letters or more (each half a letter past
 * the middle, and three letters at least): a typo leaves one of them whole.
 */
export function wordHalves(text: string): string[] {
  return [
    ...new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((word) => {
        const letters = [...word];
        const half = Math.max(3, Math.ceil(letters.length / 2) + 1);
        if (letters.length < 3) return [];
        return letters.length <= half ? [word] : [letters.slice(0, half).join(""), letters.slice(-half).join("")];
      }),
    ),
  ];
}
