import { REFERENCES_ANCHOR, referenceAnchor } from "./anchors";
import { attributes, escapeHtml } from "./html";
import type { Reference } from "./render";

/** The bibliography formats offered for download, as `/…?format=<format>` links. */
export const BIBLIOGRAPHY_DOWNLOADS = [
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
] as const;

/** The letter of one use of a source (a, b, … z, a1, …), as Wikipedia marks them. */
const letterOfUse = (index: number) => String.fromCharCode(97 + (index % 26)) + (index >= 26 ? Math.floor(index / 26) : "");

/** Links back to each place a source is cited: ^ for one, ^ a b c for several. */
function backlinks(ref: Reference): string {
  if (ref.uses.length === 1) return `<a${attributes({ href: `#${ref.uses[0].anchor}`, "aria-label": `Back to citation ${ref.number}` })}>^</a>`;
  const uses = ref.uses.map(
    (use, i) => `<a${attributes({ href: `#${use.anchor}`, "aria-label": `Back to citation ${ref.number}, use ${i + 1}` })}><sup>${letterOfUse(i)}</sup></a>`,
  );
  return `<span aria-hidden="true">^ </span>${uses.join("")}`;
}

/**
 * What the entry shows of the source: the note as written (an imported footnote, made safe HTML by
 * the renderer), else the source in the site's citation style (safe HTML from citation-format),
 * else its title.
 */
function entry(ref: Reference): string {
  if (ref.note) return `<span class="source reference-note">${ref.note}</span>`;
  if (!ref.source) return `<span class="source-missing">This source has been removed from the library.</span>`;
  return `<cite class="source">${ref.formatted || escapeHtml(ref.source.title)}</cite>`;
}

/** Each use's locator and quote, when any use has them. */
function useDetails(ref: Reference): string {
  const shown = ref.uses.map((use, i) => ({ ...use, label: ref.uses.length > 1 ? `${letterOfUse(i)}. ` : "" })).filter((use) => use.locator || use.quote);
  if (!shown.length) return "";
  const items = shown.map(
    (use) =>
      `<li${attributes({ "data-use": use.anchor })}>` +
      (use.label ? `<span class="use-label">${use.label}</span>` : "") +
      escapeHtml(use.locator ?? "") +
      (use.locator && use.quote ? ": " : "") +
      (use.quote ? `<q>${escapeHtml(use.quote)}</q>` : "") +
      "</li>",
  );
  return `<ul class="reference-uses">${items.join("")}</ul>`;
}

/** Download links for a bibliography in each format, as HTML. */
export function downloadLinksHtml(base: string, what: string): string {
  const links = BIBLIOGRAPHY_DOWNLOADS.map(([format, label], i) => `${i > 0 ? " · " : ""}<a${attributes({ href: `${base}?format=${format}` })} download>${label}</a>`);
  return `<p class="export-links">Download ${escapeHtml(what)}: ${links.join("")}</p>`;
}

/**
 * The References section as HTML: each source once, numbered, with links back to every place it
 * is cited and each use's locator and quote; with the page's address, download links for them.
 * Readers get it as HTML sent once in the page, like the body; the editor's preview shows the same.
 */
export function referenceListHtml(references: Reference[], pageId?: string): string {
  const items = references.map(
    (ref) => `<li${attributes({ id: referenceAnchor(ref.number), value: ref.number })}><span class="backlinks">${backlinks(ref)}</span> ${entry(ref)}${useDetails(ref)}</li>`,
  );
  const downloads = pageId ? downloadLinksHtml(`/api/pages/${encodeURIComponent(pageId)}/bibliography`, "these references") : "";
  return `<section class="references"${attributes({ "aria-labelledby": REFERENCES_ANCHOR })}><h2${attributes({ id: REFERENCES_ANCHOR })}>References</h2><ol>${items.join("")}</ol>${downloads}</section>`;
}
