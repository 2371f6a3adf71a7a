import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import type { Contribution } from "@/lib/wiki/history";
import { EVENT_LABELS, SizeChange } from "./history-table";
import { revisionHref, userHref } from "./revision-line";

type Change = Contribution & { author?: { name: string } };

const day = (date: Date) => date.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const time = (date: Date) => date.toLocaleTimeString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });

/** Revisions across pages, newest first, grouped by day (UTC), as recent changes and contributions show them. */
export function ChangeList({ changes }: { changes: Change[] }) {
  const days: [string, Change[]][] = [];
  for (const change of changes) {
    const label = day(change.createdAt);
    if (days.at(-1)?.[0] === label) days.at(-1)![1].push(change);
    else days.push([label, [change]]);
  }
  return (
    <>
      {days.map(([label, list]) => (
        <section key={label} aria-label={label}>
          <h2 className="change-day">{label}</h2>
          <ul className="change-list">
            {list.map((c) => (
              <li key={c.id}>
                <time dateTime={c.createdAt.toISOString()}>{time(c.createdAt)}</time> <Link href={pageHref(c.pageId)}>{c.title}</Link>{" "}
                <span className="change-links">
                  ({c.number > 1 ? <Link href={`${pageHref(c.pageId)}/diff?from=${c.number - 1}&to=${c.number}`}>diff</Link> : <Link href={revisionHref(c.pageId, c.number)}>new</Link>}
                  {" | "}
                  <Link href={`${pageHref(c.pageId)}/history`}>hist</Link>)
                </span>{" "}
                {c.minor && (
                  <abbr className="minor" title="minor edit">
                    m{" "}
                  </abbr>
                )}
                <SizeChange delta={c.sizeDelta} />
                {c.author && (
                  <>
                    {" · "}
                    <Link href={userHref(c.author.name)}>{c.author.name}</Link>
                  </>
                )}
                {c.action !== "edit" && <span className="event-label"> ({EVENT_LABELS[c.action] ?? c.action})</span>}
                {c.summary && <span className="summary"> — {c.summary}</span>}
                {c.reviewState !== "approved" && <span className={`review-state ${c.reviewState}`}> ({c.reviewState})</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
