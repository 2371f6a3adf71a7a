/**
 * A dynamic segment of an address (a page id, a media, source or user name), as written. Next.js
 * hands segments over decoded; decoding again would fail on a `%` (`/wiki/%25`) or change what was
 * meant. Only a segment that still holds a valid escape is decoded (no id or name the wiki makes
 * holds a `%`); anything else is taken as it is, and then names nothing.
 */
export function routeParam(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether an address is one no route can answer: its path holds an escape that decodes to no text
 * (`/wiki/%`, `/wiki/%E0%A4%A`), or it holds a NUL character anywhere (which no text stored here
 * may hold). Such addresses are answered 400 before any route sees them.
 */
export function malformedAddress(url: string): boolean {
  if (/%00/i.test(url) || url.includes("\0")) return true;
  const end = url.search(/[?#]/);
  try {
    decodeURIComponent(end === -1 ? url : url.slice(0, end));
    return false;
  } catch {
    return true;
  }
}
