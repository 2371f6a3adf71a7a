import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import { WatchButton } from "./watch-button";

export type PageTab = "read" | "edit" | "history" | "backlinks";

/** Read, Edit, History and What links here for one page, the current one marked for assistive technology. */
export function PageTabs({ pageId, current }: { pageId: string; current: PageTab | null }) {
  const tabs: [PageTab, string, string][] = [
    ["read", "Read", pageHref(pageId)],
    ["edit", "Edit", `${pageHref(pageId)}/edit`],
    ["history", "History", `${pageHref(pageId)}/history`],
    ["backlinks", "What links here", `${pageHref(pageId)}/backlinks`],
  ];
  return (
    <nav className="page-actions" aria-label="Page actions">
      {tabs.map(([tab, label, href]) => (
        <Link key={tab} href={href} aria-current={tab === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
      <WatchButton pageId={pageId} />
    </nav>
  );
}
