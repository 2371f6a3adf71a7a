import { Feed } from "feed";
import { pageHref } from "../content/page-id";
import { escapeHtml } from "../content/html";
import type { RevisionSummary } from "./history";

/** What an Atom entry needs to know of a revision. */
export interface FeedRevision extends Pick<RevisionSummary, "id" | "number" | "createdAt" | "summary" | "minor" | "sizeDelta" | "action"> {
  pageId: string;
  title: string;
  author: { name: string };
}

/**
 * An Atom feed of revisions: each entry links to the change it made (its diff, or the revision for
 * a page's first one) and names its author and summary.
 */
export function revisionsAtom(options: { origin: string; title: string; selfPath: string; htmlPath: string; revisions: FeedRevision[] }): string {
  const { origin, revisions } = options;
  const feed = new Feed({
    id: `${origin}${options.selfPath}`,
    title: options.title,
    link: `${origin}${options.htmlPath}`,
    feedLinks: { atom: `${origin}${options.selfPath}` },
    updated: revisions[0]?.createdAt ?? new Date(0),
    generator: "Palimpsest",
    copyright: "",
  });
  for (const r of revisions) {
    const base = `${origin}${pageHref(r.pageId)}`;
    const link = r.number > 1 ? `${base}/diff?from=${r.number - 1}&to=${r.number}` : `${base}?rev=${r.number}`;
    const size = r.sizeDelta > 0 ? `+${r.sizeDelta}` : String(r.sizeDelta);
    // The library marks titles and summaries as HTML: escape them so feed readers show them as text.
    feed.addItem({
      id: `${base}?rev=${r.number}`,
      title: escapeHtml(`${r.title} (revision ${r.number})`),
      link,
      date: r.createdAt,
      description: escapeHtml(`${r.minor ? "Minor edit. " : ""}${r.summary || "No summary."} (${size} bytes)`),
      author: [{ name: r.author.name }],
    });
  }
  return feed.atom1();
}
