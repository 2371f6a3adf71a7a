import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { IndexedPageList, indexHref, namespaceLabel, namespaceParam, PageIndexNav } from "@/components/pages/page-index";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/validation/history";
import { PageIndexQuerySchema } from "@/lib/validation/page-index";
import { listOrphanedPages, listPageNamespaces } from "@/lib/wiki/page-index";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Orphaned pages", robots: { index: false } };

/** Live pages that no other page links to and no redirect shows. */
export default async function OrphanedPagesPage({ searchParams }: Props) {
  await connection();
  const { namespace, from } = PageIndexQuerySchema.parse(queryObject(await searchParams));
  const [{ pages, next }, namespaces] = await Promise.all([listOrphanedPages(db, { namespace, from }), listPageNamespaces(db)]);
  const ns = namespaceParam(namespace);
  return (
    <article className="history" aria-labelledby="orphaned-title">
      <h1 id="orphaned-title">Orphaned pages{namespaceLabel(namespace)}</h1>
      <PageIndexNav current="orphaned" namespaces={namespaces} namespace={namespace} />
      <p className="muted">Pages no other page links to: readers reach them only by searching.</p>
      {pages.length ? <IndexedPageList pages={pages} label="Orphaned pages" /> : <p>Every page here is linked from another.</p>}
      {(from || next) && (
        <nav className="pager" aria-label="More pages">
          {from && <Link href={indexHref("/pages/orphaned", { namespace: ns })}>← First pages</Link>}
          {next && <Link href={indexHref("/pages/orphaned", { namespace: ns, from: next })}>Next pages →</Link>}
        </nav>
      )}
    </article>
  );
}
