"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** On a missing article's page, the way to write it (the edit page asks visitors to sign in). */
export function MissingPageActions() {
  const path = usePathname();
  const match = /^\/wiki\/([^/]+)$/.exec(path ?? "");
  if (!match) return null;
  return (
    <p>
      <Link href={`/wiki/${match[1]}/edit`}>Create this page</Link>
    </p>
  );
}
