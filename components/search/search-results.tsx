import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import type { SearchResults as Results } from "@/lib/wiki/search";

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** Where a query's results continue, as an address of the results page. */
export function searchHref(q: string, extra: { namespace?: string | null; cursor?: string | null } = {}): string {
  const params = new URLSearchParams({ q });
  if (extra.namespace) params.set("namespace", extra.namespace);
  if (extra.cursor) params.set("cursor", extra.cursor);
  return `/search?${params}`;
}

/** Ranked results with the section and the passage each hit is in; hits marked, never markup. */
export function SearchResults({ found }: { found: Results }) {
  const { results, total } = found;
  const count = total.toLocaleString("en-GB");
  return (
    <>
      {found.exact && (
        <p className="search-exact">
          There is a page named “{found.query}”: <Link href={pageHref(found.exact.pageId)}>go to it</Link>.
        </p>
      )}
      {found.didYouMean && (
        <p className="search-did-you-mean">
          Did you mean <Link href={searchHref(found.didYouMean.title)}>{found.didYouMean.title}</Link>?
        </p>
      )}
      <p className="search-count" role="status">
        {found.totalIsLowerBound ? `At least ${count} pages match.` : total === 0 ? "No pages match." : total === 1 ? "1 page matches." : `${count} pages match.`}
      </p>
      <ol className="search-results">
        {results.map((r) => (
          <li key={r.pageId}>
            <h2>
              <Link href={pageHref(r.pageId, r.section?.anchor)}>{r.title}</Link>
            </h2>
            <p className="search-meta">
              {r.namespace && <span className="search-namespace">{r.namespace}</span>}
              {r.section && <span>§ {r.section.heading}</span>}
              <span>
                edited <time dateTime={r.editedAt.toISOString()}>{DAY.format(r.editedAt)}</time>
              </span>
            </p>
            {r.snippet.length > 0 && (
              <p className="search-snippet">{r.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</p>
            )}
          </li>
        ))}
      </ol>
      {found.nextCursor && (
        <nav className="pager" aria-label="More results">
          <Link href={searchHref(found.query, { namespace: found.namespace, cursor: found.nextCursor })}>More results →</Link>
        </nav>
      )}
    </>
  );
}
