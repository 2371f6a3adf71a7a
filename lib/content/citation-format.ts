import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import sanitizeHtml from "sanitize-html";
import { CITATION_STYLES, type CitationStyleId } from "./citation-styles";
import type { CslItem } from "./csl";
import { SAFE_URL_PROTOCOLS } from "./url";

const STYLES_DIR = join(process.cwd(), "lib", "content", "styles");
const TEMPLATE_PREFIX = "palimpsest-";
let registered = false;

/** Registers the shipped style files with citation-js, once per process. */
function registerStyles(): void {
  if (registered) return;
  const styles = plugins.config.get("@csl").styles;
  for (const { id } of CITATION_STYLES) styles.add(TEMPLATE_PREFIX + id, readFileSync(join(STYLES_DIR, `${id}.csl`), "utf8"));
  registered = true;
}

/**
 * What citeproc writes, reduced to inline formatting and links: source fields are text typed by
 * editors or read from files, and must never become markup.
 */
function sanitizeEntry(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["i", "b", "em", "strong", "sup", "sub", "span", "a"],
    allowedAttributes: { span: ["style"], a: ["href", "class", "rel"] },
    allowedStyles: { span: { "font-variant": [/^small-caps$/], "font-style": [/^(italic|normal)$/], "font-weight": [/^(bold|normal)$/] } },
    allowedSchemes: SAFE_URL_PROTOCOLS.map((p) => p.slice(0, -1)),
    allowProtocolRelative: false,
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: "external", rel: "nofollow noopener noreferrer" } }) },
    exclusiveFilter: (frame) => frame.tag === "div",
  }).trim();
}

/** The entry's own text, without the bibliography's wrapper or a numbered style's number. */
function entryBody(html: string): string {
  return html
    .replace(/^\s*<div[^>]*class="csl-entry"[^>]*>/, "")
    .replace(/<\/div>\s*$/, "")
    .replace(/^\s*<div class="csl-left-margin">[^<]*<\/div>/, "")
    .replace(/^\s*<div class="csl-right-inline">([\s\S]*)<\/div>\s*$/, "$1");
}

/** What entries are made with beside their style and item; a change to it (to the sanitising below, say) names every entry anew. */
const ENTRY_FORMAT = "1";
const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");
/** Each style's file, by its hash. */
const styleDigests = new Map<CitationStyleId, string>();

/**
 * The name of an item's entry in a style: a hash of the item, the style's file and the way entries
 * are made, so a changed item, another style or an upgraded one has another.
 */
export function entryKey(item: CslItem, style: CitationStyleId): string {
  if (!styleDigests.has(style)) styleDigests.set(style, sha256(readFileSync(join(STYLES_DIR, `${style}.csl`), "utf8")));
  return sha256(`${ENTRY_FORMAT}\u0000${styleDigests.get(style)}\u0000${JSON.stringify(item)}`);
}

/** Entries formatted before, by {@link entryKey}, kept beyond this process (in the database). */
export interface EntryStore {
  /** Those of these entries it holds. */
  read(keys: string[]): Promise<Map<string, string>>;
  /** Keeps entries just formatted. */
  write(entries: Map<string, string>): Promise<void>;
}

const MAX_KEPT = 5_000;
/** The entries this process formatted or read last, by key. */
const kept = new Map<string, string>();
function keep(key: string, html: string) {
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, html);
}

/**
 * Each item as one bibliography entry in the style, as safe HTML (italics, small capitals, links),
 * by id. An item is formatted only when neither this process nor `store` has its entry yet (a
 * source is formatted again only when it changes, or the style does); those left are formatted
 * together in one pass, and given to `store`.
 */
export async function formatEntries(items: CslItem[], style: CitationStyleId, store?: EntryStore): Promise<Map<string, string>> {
  const keys = new Map(items.map((item) => [item.id, entryKey(item, style)]));
  const formatted = new Map<string, string>();
  /** Takes the entries `has` holds; the items still missing. */
  const take = (wanted: CslItem[], has: (key: string) => string | undefined) =>
    wanted.filter((item) => {
      const html = has(keys.get(item.id)!);
      if (html !== undefined) formatted.set(item.id, html);
      return html === undefined;
    });
  let missing = take(items, (key) => kept.get(key));
  if (missing.length && store) {
    const stored = await store.read([...new Set(missing.map((item) => keys.get(item.id)!))]);
    for (const [key, html] of stored) keep(key, html);
    missing = take(missing, (key) => stored.get(key));
  }
  if (!missing.length) return formatted;
  registerStyles();
  const unique = [...new Map(missing.map((item) => [item.id, item])).values()];
  const entries = new Cite(unique).format("bibliography", {
    template: TEMPLATE_PREFIX + style,
    lang: "en-US",
    format: "html",
    hyperlinks: true,
    nosort: true,
    asEntryArray: true,
  }) as unknown as [string, string][];
  const byId = new Map(entries);
  const made = new Map<string, string>();
  for (const item of unique) {
    const [key, html] = [keys.get(item.id)!, sanitizeEntry(entryBody(byId.get(item.id) ?? ""))];
    keep(key, html);
    made.set(key, html);
    formatted.set(item.id, html);
  }
  await store?.write(made);
  return formatted;
}

/** One item as a bibliography entry in the style (see {@link formatEntries}). */
export async function formatEntry(item: CslItem, style: CitationStyleId): Promise<string> {
  return (await formatEntries([item], style)).get(item.id) ?? "";
}
