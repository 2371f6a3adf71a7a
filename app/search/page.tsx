import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SearchResults } from "@/components/search/search-results";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/validation/history";
import { SearchQuerySchema } from "@/lib/validation/search";
import { searchPages } from "@/lib/wiki/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryObject(await searchParams).q?.trim();
  return { title: q ? `Search: ${q.slice(0, 80)}` : "Search", robots: { index: false } };
}

/**
 * Search results, a plain GET form that works without JavaScript. "Go" (the header box's Enter on
 * a page's exact title) jumps straight to the page.
 */
export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const raw = queryObject(await searchParams);
  const parsed = SearchQuerySchema.safeParse(raw);
  const input = parsed.success ? parsed.data : { q: String(raw.q ?? "").slice(0, 10_000) };
  const found = await searchPages(db, await currentAccount(), input);
  if (raw.go !== undefined && found.exact) redirect(pageHref(found.exact.pageId));
  return (
    <article className="search" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form method="get" action="/search" role="search" className="form search-form" aria-label="Search pages">
        <label htmlFor="search-page-q">Words to find</label>
        <div className="search-form-row">
          <input id="search-page-q" type="search" name="q" defaultValue={found.query} maxLength={300} />
          <button type="submit">Search</button>
        </div>
        <p className="hint">Quote “exact phrases”, put - before a word to leave it out, and ns:name to look in one namespace.</p>
        {found.namespace && <input type="hidden" name="namespace" value={found.namespace} />}
      </form>
      {found.problem ? <p role="status">{found.problem}</p> : <SearchResults found={found} />}
    </article>
  );
}
