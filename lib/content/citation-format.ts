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

const MAX_CACHED = 5_000;
const cache = new Map<string, string>();

/**
 * Each item as one bibliography entry in the style, as safe HTML (italics, small capitals, links).
 * Entries are cached by style and content, so a source is formatted again only when it changes
 * (or the style does); those not cached are formatted together in one pass.
 */
export function formatEntries(items: CslItem[], style: CitationStyleId): Map<string, string> {
  const keyOf = (item: CslItem) => `${style}\u0000${JSON.stringify(item)}`;
  const formatted = new Map<string, string>();
  const missing: CslItem[] = [];
  for (const item of items) {
    const hit = cache.get(keyOf(item));
    if (hit === undefined) missing.push(item);
    else formatted.set(item.id, hit);
  }
  if (missing.length) {
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
    for (const item of unique) {
      const html = sanitizeEntry(entryBody(byId.get(item.id) ?? ""));
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(keyOf(item), html);
      formatted.set(item.id, html);
    }
  }
  return formatted;
}

/** One item as a bibliography entry in the style (see {@link formatEntries}). */
export function formatEntry(item: CslItem, style: CitationStyleId): string {
  return formatEntries([item], style).get(item.id) ?? "";
}
