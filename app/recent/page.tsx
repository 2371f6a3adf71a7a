import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ChangeList } from "@/components/history/change-list";
import { FilterFields } from "@/components/history/filter-fields";
import { db } from "@/lib/db";
import { queryObject, RecentQuerySchema } from "@/lib/validation/history";
import { getRecentChanges, listNamespaces } from "@/lib/wiki/recent";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = {
  title: "Recent changes",
  alternates: { types: { "application/atom+xml": [{ url: "/recent/feed", title: "Recent changes (Atom)" }] } },
};

/** Every change across the wiki, newest first, with filters that work without JavaScript. */
export default async function RecentChangesPage({ searchParams }: Props) {
  await connection();
  const filter = RecentQuerySchema.parse(queryObject(await searchParams));
  const [{ changes, older }, namespaces] = await Promise.all([getRecentChanges(db, filter), listNamespaces(db)]);
  const query = new URLSearchParams();
  if (filter.namespace !== undefined) query.set("namespace", filter.namespace || "-");
  if (filter.author) query.set("author", filter.author);
  if (filter.hideMinor) query.set("hideMinor", "1");
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <article className="history" aria-labelledby="recent-title">
      <h1 id="recent-title">Recent changes</h1>
      <form method="get" action="/recent" className="form filter-form" aria-label="Filter changes">
        <FilterFields namespaces={namespaces} namespace={filter.namespace} author={filter.author} topLevel />
        <label className="checkbox">
          <input type="checkbox" name="hideMinor" value="1" defaultChecked={filter.hideMinor} /> Hide minor edits
        </label>
        <button type="submit">Show changes</button>
      </form>
      <p>
        <Link href={withQuery("/recent/feed")}>Atom feed of these changes</Link>
      </p>
      {changes.length === 0 ? <p>No changes match.</p> : <ChangeList changes={changes} />}
      {older && (
        <nav className="pager" aria-label="More changes">
          <Link href={withQuery("/recent", { before: String(older) })}>Older changes →</Link>
        </nav>
      )}
    </article>
  );
}
