"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";
import { pageHref } from "@/lib/content/page-id";

type Status = { latestNumber: number; publishedNumber: number | null };

/**
 * Tells signed-in editors and reviewers that newer revisions of this page wait for review, with
 * links to read the latest and to see what changed. Readers and visitors see the approved text only.
 */
export function PendingNotice({ pageId }: { pageId: string }) {
  const { data } = useSession();
  const role = data?.account?.role;
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (!role || role === "reader") return;
    let live = true;
    fetch(`/api/pages/${encodeURIComponent(pageId)}/status`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: Status | null) => live && setStatus(body))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pageId, role]);
  if (!status || status.publishedNumber === status.latestNumber) return null;
  const base = pageHref(pageId);
  return (
    <p className="notice" role="status">
      Newer revisions wait for review: readers see revision {status.publishedNumber ?? "none"}, the latest is {status.latestNumber}.{" "}
      <a href={`${base}?rev=${status.latestNumber}`}>Read the latest</a>
      {status.publishedNumber && (
        <>
          {" · "}
          <a href={`${base}/diff?from=${status.publishedNumber}&to=${status.latestNumber}`}>See the pending changes</a>
        </>
      )}
    </p>
  );
}
