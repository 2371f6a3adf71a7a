"use client";

// Rows of plain links: client-side navigation gains nothing here, and a Link per cell would send
// each one to the browser again in the page's React payload. A client component, so that payload
// carries each revision once, as data, not each row's cells as elements the server renders twice.
import { pageHref } from "@/lib/content/page-id";
import type { HistoryPage } from "@/lib/wiki/history";
import { bytes, EVENT_LABELS, formatTime, revisionHref, SizeChange, userHref } from "./revision-line";

/**
 * A page of history as a form: two radio columns pick the revisions to compare, and it works the
 * same without JavaScript (a GET to the diff page).
 */
export function HistoryTable({ history, canEdit }: { history: HistoryPage; canEdit: boolean }) {
  const { page, revisions } = history;
  const base = pageHref(page.pageId);
  const diff = (from: number, to: number) => `${base}/diff?from=${from}&to=${to}`;
  return (
    <>
      <form method="get" action={`${base}/diff`} className="history-form">
        <div className="table-scroll">
          <table className="data-table history-table">
            <caption className="visually-hidden">Revisions of {page.title}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Revision</th>
                <th scope="col">Author</th>
                <th scope="col">Summary</th>
                <th scope="col">Size</th>
                <th scope="col">Links</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r, i) => (
                <tr key={r.id} className={r.reviewState !== "approved" ? `review-${r.reviewState}` : undefined}>
                  <td>
                    <input
                      type="radio"
                      name="from"
                      value={r.number}
                      defaultChecked={i === 1 || (revisions.length === 1 && i === 0)}
                      aria-label={`Compare from revision ${r.number}`}
                    />
                  </td>
                  <td>
                    <input type="radio" name="to" value={r.number} defaultChecked={i === 0} aria-label={`Compare to revision ${r.number}`} />
                  </td>
                  <th scope="row">
                    <a href={revisionHref(page.pageId, r.number)}>
                      #{r.number} ·{" "}
                      <time dateTime={r.createdAt.toISOString()} suppressHydrationWarning>
                        {formatTime(r.createdAt)}
                      </time>
                    </a>
                  </th>
                  <td>
                    <a href={userHref(r.author.name)}>{r.author.name}</a>
                  </td>
                  <td className="history-summary">
                    {r.minor && (
                      <abbr className="minor" title="minor edit">
                        m{" "}
                      </abbr>
                    )}
                    {r.action !== "edit" && <span className="event-label">({EVENT_LABELS[r.action] ?? r.action}) </span>}
                    {r.summary || <span className="muted">no summary</span>}
                    {r.reviewState !== "approved" && <span className={`review-state ${r.reviewState}`}> ({r.reviewState})</span>}
                    {page.publishedNumber === r.number && page.publishedNumber !== page.latestNumber && <span className="review-state"> (what readers see)</span>}
                  </td>
                  <td className="history-size">
                    {bytes.format(r.size)} B <SizeChange delta={r.sizeDelta} />
                  </td>
                  <td className="history-links">
                    {r.number > 1 ? (
                      <a href={diff(r.number - 1, r.number)} aria-label={`prev: the changes made in revision ${r.number}`}>
                        prev
                      </a>
                    ) : (
                      <span>prev</span>
                    )}
                    {r.number < page.latestNumber ? (
                      <a href={diff(r.number, page.latestNumber)} aria-label={`cur: revision ${r.number} compared with the current one`}>
                        cur
                      </a>
                    ) : (
                      <span>cur</span>
                    )}
                    {canEdit && r.number < page.latestNumber && <a href={`${base}/revert?mode=revert&number=${r.number}`}>revert to</a>}
                    {canEdit && r.number > 1 && <a href={`${base}/revert?mode=undo&number=${r.number}`}>undo</a>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 && <button type="submit">Compare selected revisions</button>}
      </form>
      <nav className="pager" aria-label="More history">
        {history.newer !== undefined && <a href={history.newer === null ? `${base}/history` : `${base}/history?before=${history.newer}`}>← Newer revisions</a>}
        {history.older !== null && <a href={`${base}/history?before=${history.older}`}>Older revisions →</a>}
      </nav>
    </>
  );
}
