import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PageTabs } from "@/components/reader/page-tabs";
import { normalizePageId, pageHref, titleFromPageId } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { getBacklinks } from "@/lib/wiki/articles";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }> };

/** The page id in the address, or null when the address cannot name one. */
function addressedId(raw: string): string | null {
  try {
    return normalizePageId(routeParam(raw)) || null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const pageId = addressedId((await params).id);
  return { title: pageId ? `What links to ${pageId}` : "What links here", robots: { index: false } };
}

/** "What links here": the pages linking to a page, which need not exist yet (a wanted page). */
export default async function BacklinksPage({ params }: Props) {
  await connection();
  const pageId = addressedId((await params).id);
  if (!pageId) return <p>This address does not name a page.</p>;
  const { title: existing, links } = await getBacklinks(db, pageId);
  const title = existing ?? titleFromPageId(pageId);
  return (
    <article className="history" aria-labelledby="backlinks-title">
      <h1 id="backlinks-title">What links to {title}</h1>
      {existing ? (
        <PageTabs pageId={pageId} current="backlinks" />
      ) : (
        <p>
          The page “{pageId}” does not exist yet: <Link href={`${pageHref(pageId)}/edit`}>create it</Link>.
        </p>
      )}
      {links.length === 0 ? (
        <p>No page links here.</p>
      ) : (
        <ul className="backlink-list">
          {links.map((l) => (
            <li key={l.pageId}>
              <Link href={pageHref(l.pageId)}>{l.title}</Link>
              {l.redirect && <span className="muted"> (redirect)</span>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
