import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import type { RevisionSummary } from "@/lib/wiki/history";

export const revisionHref = (pageId: string, number: number) => `${pageHref(pageId)}?rev=${number}`;
export const userHref = (name: string) => `/user/${encodeURIComponent(name)}`;

/** "12:04, 3 March 2026" in UTC, the same for every reader and in tests. */
export function formatTime(date: Date): string {
  return date.toLocaleString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", day: "numeric", month: "long", year: "numeric" }).replace(" at", ",");
}

/** A revision in one line: number, time, author and summary, as the diff and revision banners show it. */
export function RevisionLine({ pageId, revision }: { pageId: string; revision: RevisionSummary }) {
  return (
    <p className="revision-line">
      <Link href={revisionHref(pageId, revision.number)}>Revision {revision.number}</Link> of{" "}
      <time dateTime={revision.createdAt.toISOString()}>{formatTime(revision.createdAt)}</time> by{" "}
      <Link href={userHref(revision.author.name)}>{revision.author.name}</Link>
      {revision.minor && (
        <abbr className="minor" title="minor edit">
          {" "}m
        </abbr>
      )}
      {revision.summary ? <span className="summary"> — {revision.summary}</span> : <span className="summary muted"> — no summary</span>}
      {revision.reviewState !== "approved" && <span className={`review-state ${revision.reviewState}`}> ({revision.reviewState})</span>}
    </p>
  );
}
