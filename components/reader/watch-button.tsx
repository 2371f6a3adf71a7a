"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

/** Watch or stop watching this page, for signed-in people; the page's changes then show on their watchlist. */
export function WatchButton({ pageId }: { pageId: string }) {
  const { data } = useSession();
  const signedIn = !!data?.account;
  const [watching, setWatching] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/pages/${encodeURIComponent(pageId)}/watch`;
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { watching: boolean } | null) => live && body && setWatching(body.watching))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url, signedIn]);
  if (!signedIn || watching === null) return null;
  return (
    <button
      type="button"
      className="link-button watch-button"
      aria-pressed={watching}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const response = await fetch(url, { method: watching ? "DELETE" : "PUT" });
        if (response.ok) setWatching(((await response.json()) as { watching: boolean }).watching);
        setBusy(false);
      }}
    >
      {watching ? "Unwatch" : "Watch"}
    </button>
  );
}
