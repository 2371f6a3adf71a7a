import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DiffView } from "@/components/history/diff-view";
import { HiddenRevision, hiddenRevision } from "@/components/history/hidden-revision";
import { PageTabs } from "@/components/reader/page-tabs";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { DiffQuerySchema, queryObject } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { compareRevisions, getPageHeaderOrThrow } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Differences between revisions", robots: { index: false } };

async function load(rawId: string, query: Record<string, string | string[] | undefined>) {
  const parsed = DiffQuerySchema.safeParse(queryObject(query));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  try {
    const header = await getPageHeaderOrThrow(db, rawId);
    const to = parsed.data.to ?? header.latestNumber;
    const from = parsed.data.from ?? Math.max(1, to - 1);
    return { comparison: await compareRevisions(db, await currentAccount(), rawId, from, to), view: parsed.data.view };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    const hidden = hiddenRevision(error);
    if (hidden) return { hidden };
    throw error;
  }
}

export default async function DiffPage({ params, searchParams }: Props) {
  await connection();
  const rawId = routeParam((await params).id);
  const query = await searchParams;
  const result = await load(rawId, query);
  if ("hidden" in result && result.hidden)
    return (
      <HiddenRevision
        title="Differences between revisions"
        hidden={result.hidden}
        path={`${pageHref(rawId)}/diff?${new URLSearchParams(queryObject(query) as Record<string, string>)}`}
      />
    );
  if ("error" in result) {
    return (
      <article className="prose">
        <h1>Differences between revisions</h1>
        <p role="alert" className="form-error">
          {result.error}
        </p>
      </article>
    );
  }
  const { comparison, view } = result;
  return (
    <article className="history" aria-labelledby="diff-title">
      <header className="article-header">
        <h1 id="diff-title">
          {comparison.page.title}: revision {comparison.from.number} → {comparison.to.number}
        </h1>
        <PageTabs pageId={comparison.page.pageId} current="history" />
      </header>
      <DiffView comparison={comparison} layout={view} />
    </article>
  );
}
