"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** The page id in a reader's address, decoded; null when it names none. */
function missingPageId(path: string | null): { raw: string; id: string } | null {
  const match = /^\/wiki\/([^/]+)$/.exec(path ?? "");
  if (!match) return null;
  try {
    return { raw: match[1], id: decodeURIComponent(match[1]) };
  } catch {
    return null;
  }
}

/**
 * On a missing article's page: which page is missing, the way to write it (the edit page asks
 * visitors to sign in) and what links to it.
 */
export function MissingPageActions() {
  const page = missingPageId(usePathname());
  // The label of the link that led here, which the new page's title starts from.
  const title = useSearchParams().get("title");
  if (!page) return null;
  return (
    <>
      <p>The page “{page.id}” does not exist yet.</p>
      <ul className="missing-page-actions">
        <li>
          <Link href={`/wiki/${page.raw}/edit${title ? `?${new URLSearchParams({ title })}` : ""}`}>Create this page</Link>
        </li>
        <li>
          <Link href={`/wiki/${page.raw}/backlinks`}>What links here</Link>
        </li>
        <li>
          <Link href={`/search?${new URLSearchParams({ q: page.id.replace(/[_:]/g, " ") })}`}>Search for it</Link>
        </li>
      </ul>
    </>
  );
}
