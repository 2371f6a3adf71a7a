/** Longest page id accepted, namespaces included. */
export const MAX_PAGE_ID_LENGTH = 200;

/**
 * A page id as DokuWiki cleans it: lower case, `/` read as the namespace separator `:`, runs of
 * anything but letters, digits, `.`, `-` and `_` turned into one `_`, no empty namespaces, no `_` or
 * `.` at the ends of a segment. Returns "" when nothing usable is left.
 */
export function normalizePageId(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\//g, ":")
    .split(":")
    .map((segment) =>
      segment
        .replace(/[^\p{L}\p{N}._-]+/gu, "_")
        .replace(/_+/g, "_")
        .replace(/^[._-]+|[._-]+$/g, ""),
    )
    .filter(Boolean)
    .join(":")
    .slice(0, MAX_PAGE_ID_LENGTH);
}

/** The namespace of a page id: everything before its last `:` ("" at the top level). */
export function pageNamespace(pageId: string): string {
  const at = pageId.lastIndexOf(":");
  return at < 0 ? "" : pageId.slice(0, at);
}

/** A readable title made from a page id, for pages that have no heading of their own. */
export function titleFromPageId(pageId: string): string {
  const name = pageId.slice(pageId.lastIndexOf(":") + 1).replace(/_/g, " ").trim();
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
