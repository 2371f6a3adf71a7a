import { cleanDokuWikiId } from "./dokuwiki-ids";

/** Longest page id accepted, namespaces included. */
export const MAX_PAGE_ID_LENGTH = 200;

/**
 * A page id, made by one rule wherever ids come from (the editor's link panel, a new page's address,
 * the API, the DokuWiki importer): DokuWiki's `cleanID` with `/` read as the namespace separator
 * (DokuWiki's `useslash`). Returns "" when nothing usable is left.
 */
export function normalizePageId(raw: string): string {
  return cleanDokuWikiId(raw.normalize("NFKC").replace(/\//g, ":"))
    .slice(0, MAX_PAGE_ID_LENGTH)
    .replace(/[:._-]+$/, "");
}

/**
 * What two ids that mean the same page share: the id without its separators, so a title typed as
 * "GPT-5.4" finds the page (or the wanted page) `gpt_5_4`.
 */
export function pageIdKey(pageId: string): string {
  return normalizePageId(pageId).replace(/[._-]/g, "");
}

/** The namespace of a page id: everything before its last `:` ("" at the top level). */
export function pageNamespace(pageId: string): string {
  const at = pageId.lastIndexOf(":");
  return at < 0 ? "" : pageId.slice(0, at);
}

/** A readable title made from a page id, for pages that have no heading of their own. */
export function titleFromPageId(pageId: string): string {
  const name = pageId
    .slice(pageId.lastIndexOf(":") + 1)
    .replace(/_/g, " ")
    .trim();
  return name ? name[0].toUpperCase() + name.slice(1) : pageId;
}

/** The reader's address of a page, with an optional section anchor. */
export function pageHref(pageId: string, fragment?: string | null): string {
  const path = `/wiki/${pageId.split(":").map(encodeURIComponent).join(":")}`;
  return fragment ? `${path}#${encodeURIComponent(fragment)}` : path;
}

/** A file's page in the media library (`/media/models:chart.png`). */
export function mediaHref(name: string): string {
  return `/media/${name.split(":").map(encodeURIComponent).join(":")}`;
}
