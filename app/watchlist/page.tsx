import type { Metadata } from "next";
import { connection } from "next/server";
import { SignInPrompt } from "@/components/account/sign-in-prompt";
import { ChangeList } from "@/components/history/change-list";
import { RevisionLine } from "@/components/history/revision-line";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { HistoryQuerySchema, queryObject } from "@/lib/validation/history";
import { ActionForm } from "@/components/ui/action-form";
import { getWatchlist, watchesEdits } from "@/lib/wiki/watch";
import { watchEditsAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Watchlist", robots: { index: false } };

/** The pages one watches: what waits for review on them, and their recent changes. */
export default async function WatchlistPage({ searchParams }: Props) {
  await connection();
  const account = await currentAccount();
  if (!account) return <SignInPrompt title="Watchlist" to="to see the pages you watch" back="/watchlist" />;
  const { before } = HistoryQuerySchema.parse(queryObject(await searchParams));
  const [{ pages, changes, pending }, watchEdits] = await Promise.all([getWatchlist(db, account, { before }), watchesEdits(db, account)]);
  return (
    <article className="history" aria-labelledby="watchlist-title">
      <h1 id="watchlist-title">Watchlist</h1>
      {pages.length === 0 ? (
        <p>You watch no pages yet: use Watch at the top of any article.</p>
      ) : (
        <p>
          Watching {pages.length} {pages.length === 1 ? "page" : "pages"}:{" "}
          {pages.map((p, i) => (
            <span key={p.pageId}>
              {i > 0 && ", "}
              <a href={pageHref(p.pageId)}>{p.title}</a>
            </span>
          ))}
          .
        </p>
      )}
      <ActionForm action={watchEditsAction} fields={{}} label="Save preference" done="Saved.">
        <label className="checkbox">
          <input type="checkbox" name="watchEdits" defaultChecked={watchEdits} /> Add the pages I edit to my watchlist
        </label>
      </ActionForm>
      <section aria-labelledby="watch-pending">
        <h2 id="watch-pending">Waiting for review</h2>
        {pending.length === 0 ? (
          <p>Nothing on your pages waits for review.</p>
        ) : (
          <ul className="change-list">
            {pending.flatMap((entry) =>
              entry.pending.map((r) => (
                <li key={r.id}>
                  <a href={pageHref(entry.pageId)}>{entry.title}</a>: <RevisionLine pageId={entry.pageId} revision={r} />
                </li>
              )),
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="watch-changes">
        <h2 id="watch-changes">Recent changes</h2>
        {changes.changes.length === 0 ? <p>No changes yet.</p> : <ChangeList changes={changes.changes} />}
        {changes.older && (
          <nav className="pager" aria-label="More changes">
            <a href={`/watchlist?before=${changes.older}`}>Older changes →</a>
          </nav>
        )}
      </section>
    </article>
  );
}
