import { pageHref } from "@/lib/content/page-id";
import type { ReviewLogEntry } from "@/lib/wiki/review";
import { formatTime, userHref } from "./revision-line";

/** Approvals and rejections, newest first; `showPage` for the site-wide log. */
export function ReviewLogList({ entries, showPage }: { entries: ReviewLogEntry[]; showPage: boolean }) {
  return (
    <ul className="change-list">
      {entries.map((e) => {
        const which = e.fromNumber === e.toNumber ? `revision ${e.fromNumber}` : `revisions ${e.fromNumber}–${e.toNumber}`;
        return (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()}>{formatTime(e.createdAt)}</time> · <a href={userHref(e.reviewer)}>{e.reviewer}</a>{" "}
            <strong>{e.action === "approve" ? "approved" : "rejected"}</strong>{" "}
            <a href={`${pageHref(e.pageId)}/diff?from=${Math.max(1, e.fromNumber - 1)}&to=${e.toNumber}`}>{which}</a>
            {showPage && (
              <>
                {" of "}
                <a href={pageHref(e.pageId)}>{e.title}</a>
              </>
            )}
            {e.comment && <span className="summary"> — {e.comment}</span>}
          </li>
        );
      })}
    </ul>
  );
}
