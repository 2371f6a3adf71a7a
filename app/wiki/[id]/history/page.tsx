import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryTable } from "@/components/history/history-table";
import { ReviewLogList } from "@/components/history/review-log-list";
import { ActionForm } from "@/components/ui/action-form";
import { PageTools } from "@/components/history/page-tools";
import { PageTabs } from "@/components/reader/page-tabs";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { HistoryQuerySchema, queryObject } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { getHistory } from "@/lib/wiki/history";
import { getReviewLog } from "@/lib/wiki/review";
import { rollbackAction } from "../revert/actions";
import { pageEventAction, pagePolicyAction, renameAction } from "./actions";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `History of ${routeParam((await params).id)}`, robots: { index: false } };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  await connection();
  const { before, saved } = HistoryQuerySchema.parse(queryObject(await searchParams));
  const account = await currentAccount();
  const history = await getHistory(db, routeParam((await params).id), { before, includeDeleted: can(account, "delete") }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { page, revisions } = history;
  const reviews = await getReviewLog(db, { pageId: page.pageId, limit: 20 });
  const first = revisions[0];
  const savedRevision = saved === undefined ? undefined : revisions.find((r) => r.number === saved);
  const run = first && before === undefined ? revisions.findIndex((r) => r.author.id !== first.author.id) : -1;
  return (
    <article className="history" aria-labelledby="history-title">
      <header className="article-header">
        <h1 id="history-title">History of {page.title}</h1>
        <PageTabs pageId={page.pageId} current="history" />
        <p className="article-meta">
          {page.latestNumber} {page.latestNumber === 1 ? "revision" : "revisions"}. Choose two to compare, or follow a revision&apos;s links. ·{" "}
          <Link href={`${pageHref(page.pageId)}/history/feed`}>Atom feed</Link>
          {!page.deleted && (
            <>
              {" "}
              · <a href={`/api/pages/${encodeURIComponent(page.pageId)}?format=dokuwiki`}>DokuWiki markup</a>
            </>
          )}
        </p>
      </header>
      {savedRevision && (
        <p className="notice" role="status">
          Saved as revision {savedRevision.number}: {savedRevision.summary.replace(/[.!?]$/, "")}.{savedRevision.reviewState === "pending" ? " It waits for review." : ""}{" "}
          <Link href={pageHref(page.pageId)}>Read the page</Link>
        </p>
      )}
      {page.deleted && (
        <p className="notice" role="status">
          This page is deleted: readers cannot see it, and only administrators see its history.
        </p>
      )}
      <PageTools page={page} account={account} rename={renameAction} pageEvent={pageEventAction} reviewPolicy={pagePolicyAction} />
      {run > 0 && !page.deleted && can(account, "rollback") && (
        <section className="notice" aria-label="Roll back">
          <ActionForm action={rollbackAction} fields={{ pageId: page.pageId }} label={`Roll back ${run} ${run === 1 ? "edit" : "edits"} by ${first.author.name}`} />
        </section>
      )}
      <HistoryTable history={history} canEdit={!page.deleted && can(account, "edit", page)} />
      {reviews.entries.length > 0 && (
        <section aria-labelledby="page-reviews">
          <h2 id="page-reviews">Reviews</h2>
          <ReviewLogList entries={reviews.entries} showPage={false} />
        </section>
      )}
    </article>
  );
}
