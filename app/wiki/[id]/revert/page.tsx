import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { DiffView } from "@/components/history/diff-view";
import { RevisionLine } from "@/components/history/revision-line";
import { PageTabs } from "@/components/reader/page-tabs";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { MAX_REVERT_REASON, queryObject, RevertSchema } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { getHistory } from "@/lib/wiki/history";
import { previewRevert, revertSummary } from "@/lib/wiki/revert";
import { revertAction } from "./actions";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Revert or undo", robots: { index: false } };

/** Confirms a revert or an undo, with links to see exactly what it changes. */
export default async function RevertPage({ params, searchParams }: Props) {
  await connection();
  const rawId = routeParam((await params).id);
  const query = await searchParams;
  const input = RevertSchema.safeParse({ ...queryObject(query), pageId: rawId });
  if (!input.success) notFound();
  const { number, mode } = input.data;
  const [history, account] = await Promise.all([
    getHistory(db, rawId, { before: number + 1, limit: 1 }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    currentAccount(),
  ]);
  const { page } = history;
  const revision = history.revisions[0];
  if (!revision || revision.number !== number) notFound();
  const base = pageHref(page.pageId);
  const title = mode === "undo" ? `Undo revision ${number} of ${page.title}` : `Revert ${page.title} to revision ${number}`;
  const preview = await previewRevert(db, account, page, number, mode);

  return (
    <article className="prose" aria-labelledby="revert-title">
      <header className="article-header">
        <h1 id="revert-title">{title}</h1>
        <PageTabs pageId={page.pageId} current="history" />
      </header>
      <RevisionLine pageId={page.pageId} revision={revision} />
      {mode === "undo" ? (
        <p>
          This takes back what revision {number} changed (<Link href={`${base}/diff?from=${number - 1}&to=${number}`}>see its changes</Link>) and keeps every later revision. It is
          saved as a new revision.
        </p>
      ) : (
        <p>
          The page will read again as it did in revision {number} (<Link href={`${base}/diff?from=${page.latestNumber}&to=${number}`}>see what changes</Link>). Later revisions stay
          in the history; this is saved as a new revision.
        </p>
      )}
      {preview && (
        <section aria-labelledby="revert-preview">
          <h2 id="revert-preview">{mode === "undo" ? "What this takes back" : "What this changes"}</h2>
          <DiffView comparison={preview} layout="inline" prefix="preview-" />
        </section>
      )}
      {can(account, "edit", page) ? (
        <ActionForm action={revertAction} fields={{ pageId: page.pageId, number, mode }} label={mode === "undo" ? "Undo this revision" : "Revert"} labels={{ summary: "Why" }}>
          <label>
            Why (added to the summary: “{revertSummary(mode, number, revision.author.name)}”)
            <input name="summary" maxLength={MAX_REVERT_REASON} placeholder="For example: the source does not say this" />
          </label>
        </ActionForm>
      ) : (
        <p role="alert">
          {account ? (
            "Your account cannot edit this page."
          ) : (
            <>
              <Link href={`/login?callbackUrl=${encodeURIComponent(`${base}/history`)}`}>Sign in</Link> to revert or undo.
            </>
          )}
        </p>
      )}
      <p>
        <Link href={`${base}/history`}>Back to the history</Link>
      </p>
    </article>
  );
}
