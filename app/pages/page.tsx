import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { IndexedPageList, indexHref, namespaceLabel, namespaceParam, PageIndexNav } from "@/components/pages/page-index";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/validation/history";
import { PageIndexQuerySchema } from "@/lib/validation/page-index";
import { listAllPages, listPageNamespaces } from "@/lib/wiki/page-index";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "All pages" };

/** Every live page by title, one namespace or all, a page of the index at a time. */
export default async function AllPagesPage({ searchParams }: Props) {
  await connection();
  const { namespace, from } = PageIndexQuerySchema.parse(queryObject(await searchParams));
  const [{ pages, next, previous }, namespaces] = await Promise.all([listAllPages(db, { namespace, from }), listPageNamespaces(db)]);
  const ns = namespaceParam(namespace);
  return (
    <article className="history" aria-labelledby="pages-title">
      <h1 id="pages-title">All pages{namespaceLabel(namespace)}</h1>
      <PageIndexNav current="all" namespaces={namespaces} namespace={namespace} />
      {pages.length ? <IndexedPageList pages={pages} label="Pages" /> : <p>There are no pages here yet.</p>}
      {(previous !== null || next) && (
        <nav className="pager" aria-label="More pages">
          {previous !== null && <Link href={indexHref("/pages", { namespace: ns, from: previous || undefined })}>← Previous pages</Link>}
          {next && <Link href={indexHref("/pages", { namespace: ns, from: next })}>Next pages →</Link>}
        </nav>
      )}
    </article>
  );
}
