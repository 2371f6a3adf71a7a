import type { Metadata } from "next";
import { connection } from "next/server";
import { DiffView } from "@/components/history/diff-view";
import { FilterFields } from "@/components/history/filter-fields";
import { RevisionLine, revisionHref } from "@/components/history/revision-line";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { QueueQuerySchema, queryObject } from "@/lib/validation/history";
import { compareRevisions, getPageHeaderOrThrow } from "@/lib/wiki/history";
import { mayReadUnapproved } from "@/lib/wiki/review-policy";
import { getReviewQueue } from "@/lib/wiki/review";
import { listNamespaces } from "@/lib/wiki/recent";
import { reviewAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Review queue", robots: { index: false } };

/** Pages shown in full per visit; the rest follow once these are reviewed. */
const PAGES_SHOWN = 20;

/** Revisions waiting for review, the longest waiting first, each with its changes against what readers see. */
export default async function ReviewQueuePage({ searchParams }: Props) {
  await connection();
  const filter = QueueQuerySchema.parse(queryObject(await searchParams));
  const [account, queue, namespaces, reviewed] = await Promise.all([
    currentAccount(),
    getReviewQueue(db, filter),
    listNamespaces(db),
    filter.reviewed && filter.decision && filter.revision ? getPageHeaderOrThrow(db, filter.reviewed).catch(() => null) : null,
  ]);
  const reviewer = can(account, "review");
  const shown = queue.slice(0, PAGES_SHOWN);
  // The changes themselves only for those who may read text waiting for review.
  const readable = await mayReadUnapproved(db, account);
  const comparisons = await Promise.all(
    shown.map((entry) => (readable && entry.publishedNumber ? compareRevisions(db, account, entry.pageId, entry.publishedNumber, entry.pending.at(-1)!.number) : null)),
  );
  return (
    <article className="history" aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <form method="get" action="/review" className="form filter-form" aria-label="Filter the queue">
        <FilterFields namespaces={namespaces} namespace={filter.namespace} author={filter.author} />
        <button type="submit">Filter</button>
      </form>
      {reviewed && (
        <div className="notice" role="status">
          <p>
            {filter.decision === "approve"
              ? `Approved: readers now see revision ${filter.revision} of “${reviewed.title}”.`
              : `Rejected revision ${filter.revision} of “${reviewed.title}”: readers keep the approved text, and its author is told why.`}{" "}
            {shown.length > 0 ? (
              <>
                Next: <a href="#queue-0">{shown[0].title}</a>.
              </>
            ) : (
              "Nothing else is waiting for review."
            )}
          </p>
        </div>
      )}
      <p>
        {queue.length === 0 ? "Nothing is waiting for review." : `${queue.length} ${queue.length === 1 ? "page has" : "pages have"} revisions waiting for review.`}{" "}
        <a href="/review/log">Review log</a>
        {!reviewer && queue.length > 0 && " Reviewers and administrators approve or reject them."}
      </p>
      {shown.map((entry, i) => {
        const newest = entry.pending.at(-1)!;
        const comparison = comparisons[i];
        return (
          <section key={entry.pageId} className="queue-entry" aria-labelledby={`queue-${i}`}>
            <h2 id={`queue-${i}`}>
              <a href={pageHref(entry.pageId)}>{entry.title}</a>
            </h2>
            <p className="article-meta">{entry.publishedNumber ? `Readers see revision ${entry.publishedNumber}.` : "A new page: readers do not see it yet."} Waiting:</p>
            <ul className="change-list">
              {entry.pending.map((r) => (
                <li key={r.id}>
                  <RevisionLine pageId={entry.pageId} revision={r} />
                </li>
              ))}
            </ul>
            {comparison ? (
              <details open={i === 0} className="queue-diff">
                <summary>
                  Changes from revision {comparison.from.number} to {comparison.to.number}
                </summary>
                <DiffView comparison={comparison} layout="inline" prefix={`q${i}-`} />
              </details>
            ) : (
              <p>
                <a href={revisionHref(entry.pageId, newest.number)}>Read revision {newest.number}</a>
              </p>
            )}
            {reviewer && (
              <div className="review-forms">
                <ActionForm
                  action={reviewAction}
                  fields={{ pageId: entry.pageId, number: newest.number, decision: "approve" }}
                  label={entry.pending.length > 1 ? `Approve all ${entry.pending.length}` : "Approve"}
                >
                  <label>
                    Comment (optional)
                    <input name="comment" maxLength={500} />
                  </label>
                </ActionForm>
                <ActionForm action={reviewAction} fields={{ pageId: entry.pageId, number: entry.pending[0].number, decision: "reject" }} label="Reject" secondary>
                  <label>
                    Why (its author will read this)
                    <input name="comment" maxLength={500} required />
                  </label>
                </ActionForm>
              </div>
            )}
          </section>
        );
      })}
    </article>
  );
}
