import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleEditor } from "@/components/editor/article-editor";
import type { EditorActions } from "@/components/editor/editor-actions";
import { lookupSourceAction } from "@/app/sources/lookup-action";
import { addSource, findMissingPages, findPages, findSources, previewArticle, saveArticle } from "./actions";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { normalizePageId, pageHref, titleFromPageId } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { collectLinkTargets, type DocumentJSON } from "@/lib/content/document";
import { pageExistence } from "@/lib/wiki/articles";
import { editWaitsForReview } from "@/lib/wiki/review-policy";
import { watchesEdits } from "@/lib/wiki/watch";
import { getLatestRevision } from "@/lib/wiki/revisions";
import { routeParam } from "@/lib/http/route-param";
import { PageTitleSchema } from "@/lib/validation/revision";

const EDITOR_ACTIONS: EditorActions = { save: saveArticle, preview: previewArticle, findMissingPages, findPages, findSources, addSource, lookupSource: lookupSourceAction };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ title?: string | string[] }> };

const loadLatest = cache((pageId: string) => getLatestRevision(db, pageId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const pageId = normalizePageId(routeParam((await params).id));
  const latest = pageId ? await loadLatest(pageId) : null;
  return { title: `Editing ${latest?.title ?? titleFromPageId(pageId)}` };
}

export default async function EditPage({ params, searchParams }: Props) {
  await connection();
  const raw = routeParam((await params).id);
  const pageId = normalizePageId(raw);
  if (!pageId) notFound();
  const [account, latest] = await Promise.all([currentAccount(), loadLatest(pageId)]);
  const title = latest?.title ?? titleFromPageId(pageId);
  // A new page's title is suggested by the label of the link that led here (`?title=`).
  const suggested = latest ? null : PageTitleSchema.safeParse((await searchParams).title).data;

  if (!can(account, "edit", latest ?? undefined)) {
    const back = `/wiki/${pageId}/edit`;
    return (
      <article className="prose narrow">
        <h1>Editing {title}</h1>
        {account ? (
          <p role="alert" className="form-error">
            {latest?.protected ? "This page is protected: only reviewers and administrators can edit it." : "Your account can read but not edit pages."}
          </p>
        ) : (
          <p role="alert">
            <Link href={`/login?callbackUrl=${encodeURIComponent(back)}`}>Sign in</Link> to edit this page.
          </p>
        )}
        {latest && (
          <p>
            <Link href={pageHref(pageId)}>Back to {title}</Link>
          </p>
        )}
      </article>
    );
  }

  const pending = latest && latest.publishedNumber !== latest.number;
  const doc: DocumentJSON = latest?.doc ?? { type: "doc", content: [{ type: "paragraph" }] };
  const [waitsForReview, linkedPages, watchByDefault] = await Promise.all([
    editWaitsForReview(db, account, pageId),
    pageExistence(db, collectLinkTargets(doc)),
    watchesEdits(db, account),
  ]);
  return (
    <>
      {pending && (
        <p className="notice" role="status">
          Revisions waiting for review: you are editing the latest revision ({latest.number}), which readers do not see yet
          {latest.publishedNumber ? ` (they see revision ${latest.publishedNumber})` : ""}.{" "}
          <a href={`${pageHref(pageId)}/diff?from=${latest.publishedNumber ?? 1}&to=${latest.number}`}>See the pending changes</a>
        </p>
      )}
      <ArticleEditor
        pageId={pageId}
        title={suggested ?? title}
        baseRevisionId={latest?.revisionId ?? null}
        baseNumber={latest?.number ?? null}
        doc={doc}
        linkedPages={linkedPages}
        actions={EDITOR_ACTIONS}
        watchByDefault={watchByDefault}
        waitsForReview={waitsForReview}
      />
    </>
  );
}
