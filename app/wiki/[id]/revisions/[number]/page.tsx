import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { revisionHref, RevisionLine } from "@/components/history/revision-line";
import { HiddenRevision, hiddenRevision } from "@/components/history/hidden-revision";
import { ArticleView } from "@/components/reader/article-view";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { AppError } from "@/lib/wiki/errors";
import { RevisionNumberSchema } from "@/lib/validation/history";
import { getRevisionView } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

// Readers reach this as /wiki/<id>?rev=<n> (a rewrite in next.config.mjs keeps the article itself cacheable).
type Props = { params: Promise<{ id: string; number: string }> };

const load = cache(async (id: string, number: string) => {
  const n = RevisionNumberSchema.safeParse(number);
  if (!n.success) return null;
  try {
    return await getRevisionView(db, await currentAccount(), routeParam(id), n.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    const hidden = hiddenRevision(error);
    if (hidden) return { hidden };
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, number } = await params;
  const view = await load(id, number);
  return { title: view && "page" in view ? `${view.page.title} (revision ${view.revision.number})` : view ? `Revision ${number}` : "No such revision", robots: { index: false } };
}

export default async function RevisionPage({ params }: Props) {
  await connection();
  const { id, number } = await params;
  const view = await load(id, number);
  if (!view) notFound();
  if ("hidden" in view) return <HiddenRevision title={`Revision ${number}`} hidden={view.hidden} path={`${pageHref(routeParam(id))}?rev=${number}`} />;
  const { page, revision } = view;
  const current = revision.number === page.latestNumber;
  const banner = (
    <aside className="notice revision-banner" aria-label="Which revision this is">
      <p>
        {current ? "This is the current revision of this page" : "This is an old revision of this page"}
        {page.publishedNumber === revision.number && !current ? " (the one readers see)" : ""}.
      </p>
      {revision.reviewState === "pending" && <p>It is waiting for review: readers {page.publishedNumber ? `see revision ${page.publishedNumber}` : "do not see this page yet"}.</p>}
      {revision.reviewState === "rejected" && <p>It was rejected in review; readers never saw it.</p>}
      <RevisionLine pageId={page.pageId} revision={revision} />
      <nav className="revision-steps" aria-label="Other revisions">
        {revision.number > 1 ? <Link href={revisionHref(page.pageId, revision.number - 1)}>← Older revision</Link> : <span>Oldest revision</span>}
        {revision.number > 1 && <Link href={`${pageHref(page.pageId)}/diff?from=${revision.number - 1}&to=${revision.number}`}>Changes in this revision</Link>}
        {!current && <Link href={`${pageHref(page.pageId)}/diff?from=${revision.number}&to=${page.latestNumber}`}>Compare with current</Link>}
        {!current && <Link href={revisionHref(page.pageId, revision.number + 1)}>Newer revision →</Link>}
        <Link href={pageHref(page.pageId)}>Current version</Link>
      </nav>
    </aside>
  );
  return (
    <ArticleView
      article={{ pageId: page.pageId, title: page.title, revision: { id: revision.id, number: revision.number, createdAt: revision.createdAt }, rendered: view.rendered }}
      banner={banner}
      current={null}
    />
  );
}
