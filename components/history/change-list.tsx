import { pageHref } from "@/lib/content/page-id";
import type { Contribution } from "@/lib/wiki/history";
import { EVENT_LABELS, revisionHref, SizeChange, userHref } from "./revision-line";

type Change = Contribution & { author?: { name: string } };

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
const day = (date: Date) => DAY.format(date);
const time = (date: Date) => TIME.format(date);

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
                <time dateTime={c.createdAt.toISOString()}>{time(c.createdAt)}</time> <a href={pageHref(c.pageId)}>{c.title}</a>{" "}
                <span className="change-links">
                  ({c.number > 1 ? <a href={`${pageHref(c.pageId)}/diff?from=${c.number - 1}&to=${c.number}`}>diff</a> : <a href={revisionHref(c.pageId, c.number)}>new</a>}
                  {" | "}
                  <a href={`${pageHref(c.pageId)}/history`}>hist</a>)
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
                    <a href={userHref(c.author.name)}>{c.author.name}</a>
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
