import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { indexHref, namespaceLabel, namespaceParam, PageIndexNav } from "@/components/pages/page-index";
import { pageHref, titleFromPageId } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/validation/history";
import { WantedPagesQuerySchema } from "@/lib/validation/page-index";
import { listPageNamespaces, listWantedPages } from "@/lib/wiki/page-index";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Wanted pages", robots: { index: false } };

/** Pages that do not exist yet, most linked first, each with what links to it. */
export default async function WantedPagesPage({ searchParams }: Props) {
  await connection();
  const { namespace, links, from } = WantedPagesQuerySchema.parse(queryObject(await searchParams));
  const [{ pages, next }, namespaces] = await Promise.all([listWantedPages(db, { namespace, links, from }), listPageNamespaces(db)]);
  const ns = namespaceParam(namespace);
  return (
    <article className="history" aria-labelledby="wanted-title">
      <h1 id="wanted-title">Wanted pages{namespaceLabel(namespace)}</h1>
      <PageIndexNav current="wanted" namespaces={namespaces} namespace={namespace} />
      <p className="muted">Pages that do not exist yet, the most linked first.</p>
      {pages.length ? (
        <ol className="wanted-list" aria-label="Wanted pages">
          {pages.map((p) => (
            <li key={p.pageId}>
              <Link href={pageHref(p.pageId)} className="wikilink missing">
                {titleFromPageId(p.pageId)}
              </Link>{" "}
              <span className="muted">{p.pageId}</span> (
              <Link href={`${pageHref(p.pageId)}/backlinks`} aria-label={`${p.links === 1 ? "1 link" : `${p.links} links`} to ${p.pageId}`}>
                {p.links === 1 ? "1 link" : `${p.links} links`}
              </Link>
              )
            </li>
          ))}
        </ol>
      ) : (
        <p>No links lead to missing pages.</p>
      )}
      {(from || next) && (
        <nav className="pager" aria-label="More pages">
          {from && <Link href={indexHref("/pages/wanted", { namespace: ns })}>← Most wanted</Link>}
          {next && <Link href={indexHref("/pages/wanted", { namespace: ns, links: next.links, from: next.from })}>Next pages →</Link>}
        </nav>
      )}
    </article>
  );
}
