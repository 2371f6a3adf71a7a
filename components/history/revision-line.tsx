import { pageHref } from "@/lib/content/page-id";
import type { RevisionSummary } from "@/lib/wiki/history";

export const revisionHref = (pageId: string, number: number) => `${pageHref(pageId)}?rev=${number}`;
export const userHref = (name: string) => `/user/${encodeURIComponent(name)}`;

// Made once: building a formatter costs far more than formatting with it.
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", day: "numeric", month: "long", year: "numeric" });

/** "12:04, 3 March 2026" in UTC, the same for every reader and in tests. */
export function formatTime(date: Date): string {
  return TIME.format(date).replace(" at", ",");
}

/** How history names revisions that record something other than an edit. */
export const EVENT_LABELS: Record<string, string> = {
  revert: "revert",
  move: "renamed",
  delete: "deleted",
  restore: "restored",
  protect: "protected",
  unprotect: "unprotected",
};

/** Sizes in bytes with thousands separated: "12,345". */
export const bytes = new Intl.NumberFormat("en-GB");

export function SizeChange({ delta }: { delta: number }) {
  const label = delta > 0 ? `+${bytes.format(delta)}` : bytes.format(delta);
  return (
    <span className={delta > 0 ? "size-up" : delta < 0 ? "size-down" : "size-same"} title={`${label} bytes`}>
      {delta === 0 ? "0" : label}
    </span>
  );
}

/** A revision in one line: number, time, author and summary, as the diff and revision banners show it. */
export function RevisionLine({ pageId, revision }: { pageId: string; revision: RevisionSummary }) {
  return (
    <p className="revision-line">
      <a href={revisionHref(pageId, revision.number)}>Revision {revision.number}</a> of <time dateTime={revision.createdAt.toISOString()}>{formatTime(revision.createdAt)}</time> by{" "}
      <a href={userHref(revision.author.name)}>{revision.author.name}</a>
      {revision.minor && (
        <abbr className="minor" title="minor edit">
          {" "}
          m
        </abbr>
      )}
      {revision.summary ? <span className="summary"> — {revision.summary}</span> : <span className="summary muted"> — no summary</span>}
      {revision.reviewState !== "approved" && <span className={`review-state ${revision.reviewState}`}> ({revision.reviewState})</span>}
    </p>
  );
}
