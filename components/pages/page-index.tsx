import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import type { IndexedPage } from "@/lib/wiki/page-index";

export type IndexTab = "all" | "wanted" | "orphaned";

const TABS: [IndexTab, string, string][] = [
  ["all", "All pages", "/pages"],
  ["wanted", "Wanted pages", "/pages/wanted"],
  ["orphaned", "Orphaned pages", "/pages/orphaned"],
];

/** An index's address with its query, empty values left out. */
export function indexHref(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") query.set(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** A namespace as a query value: "-" stands for the top level. */
export function namespaceParam(namespace: string | undefined): string | undefined {
  return namespace === "" ? "-" : namespace;
}

/** The three indexes of pages, the current one marked, and the namespaces to narrow one to. */
export function PageIndexNav({ current, namespaces, namespace }: { current: IndexTab; namespaces: string[]; namespace: string | undefined }) {
  const path = TABS.find(([tab]) => tab === current)![2];
  const choices: [string | undefined, string][] = [[undefined, "Every namespace"], ["", "Top level"], ...namespaces.map((n): [string, string] => [n, n])];
  return (
    <>
      <nav className="page-actions index-tabs" aria-label="Page indexes">
        {TABS.map(([tab, label, href]) => (
          <Link key={tab} href={indexHref(href, { namespace: namespaceParam(namespace) })} aria-current={tab === current ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Namespaces">
        <ul className="namespace-links">
          {choices.map(([value, label]) => (
            <li key={value ?? "*"}>
              <Link href={indexHref(path, { namespace: namespaceParam(value) })} aria-current={value === namespace ? "page" : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** Live pages as links, with their namespace. */
export function IndexedPageList({ pages, label }: { pages: IndexedPage[]; label: string }) {
  return (
    <ul className="article-list" aria-label={label}>
      {pages.map((p) => (
        <li key={p.pageId}>
          <Link href={pageHref(p.pageId)}>{p.title}</Link>
          {p.namespace && <span className="namespace"> ({p.namespace})</span>}
        </li>
      ))}
    </ul>
  );
}

/** What a namespace filter shows, in words, for headings. */
export function namespaceLabel(namespace: string | undefined): string {
  return namespace === undefined ? "" : namespace === "" ? " at the top level" : ` in ${namespace}`;
}
