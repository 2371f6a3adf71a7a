import Link from "next/link";
import { connection } from "next/server";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { listRecentlyChangedArticles } from "@/lib/wiki/page-index";

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** The start page: what changed lately, and the ways into the rest of the wiki. */
export default async function HomePage() {
  await connection();
  const recent = await listRecentlyChangedArticles(db);
  return (
    <article className="prose">
      <h1>Palimpsest</h1>
      <p>An encyclopedia whose articles carry their sources with them. Search from the box above, or start here:</p>
      <nav aria-label="Explore">
        <ul className="start-links">
          <li>
            <Link href="/pages">All pages</Link>, by namespace
          </li>
          <li>
            <Link href="/pages/wanted">Wanted pages</Link>: articles linked to but not yet written
          </li>
          <li>
            <Link href="/random" prefetch={false}>
              A random page
            </Link>
          </li>
          <li>
            <Link href="/recent">Every recent change</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="recently-changed">
        <h2 id="recently-changed">Recently changed articles</h2>
        {recent.length ? (
          <ul className="article-list">
            {recent.map((a) => (
              <li key={a.pageId}>
                <Link href={pageHref(a.pageId)}>{a.title}</Link>
                {a.namespace && <span className="namespace"> ({a.namespace})</span>}{" "}
                <span className="muted">
                  <time dateTime={a.changedAt.toISOString()}>{DAY.format(a.changedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>There are no articles yet.</p>
        )}
      </section>
    </article>
  );
}
