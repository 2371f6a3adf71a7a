import type { Metadata } from "next";
import { connection } from "next/server";
import { ReviewLogList } from "@/components/history/review-log-list";
import { db } from "@/lib/db";
import { HistoryQuerySchema, queryObject } from "@/lib/validation/history";
import { getReviewLog } from "@/lib/wiki/review";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Review log" };

/** Every approval and rejection across the wiki, newest first. */
export default async function ReviewLogPage({ searchParams }: Props) {
  await connection();
  const { before } = HistoryQuerySchema.parse(queryObject(await searchParams));
  const { entries, older } = await getReviewLog(db, { before });
  return (
    <article className="history" aria-labelledby="log-title">
      <h1 id="log-title">Review log</h1>
      <p>
        <a href="/review">The review queue</a>
      </p>
      {entries.length === 0 ? <p>No reviews yet.</p> : <ReviewLogList entries={entries} showPage />}
      {older && (
        <nav className="pager" aria-label="More reviews">
          <a href={`/review/log?before=${older}`}>Older reviews →</a>
        </nav>
      )}
    </article>
  );
}
