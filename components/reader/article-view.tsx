import { referenceListHtml } from "@/lib/content/reference-list";
import type { ArticleView as Article } from "@/lib/wiki/articles";
import type { ReactNode } from "react";
import { SaveNotice } from "@/components/editor/save-notice";
import { type PageTab, PageTabs } from "./page-tabs";
import { CitationPreviews } from "./citation-previews";
import { PendingNotice } from "./pending-notice";
import { sentOnce } from "./sent-once";
import { SentOnce } from "./sent-once-view";
import { TableOfContents } from "./table-of-contents";

/** An article as readers see it: title, contents, body and References. */
export async function ArticleView({ article, banner, current = "read" }: { article: Article; banner?: ReactNode; current?: PageTab | null }) {
  const { rendered } = article;
  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article-header">
        <h1 id="article-title">{article.title}</h1>
        {article.redirectedFrom && <p className="redirect-note">(Redirected from {article.redirectedFrom})</p>}
        <PageTabs pageId={article.pageId} current={current} />
        <p className="article-meta">
          Revision {article.revision.number} · <time dateTime={article.revision.createdAt.toISOString()}>{article.revision.createdAt.toISOString().slice(0, 10)}</time>
        </p>
        {banner ?? <PendingNotice pageId={article.pageId} />}
        <SaveNotice pageId={article.pageId} />
      </header>
      <div className="article-layout">
        {rendered.toc.length > 0 && <TableOfContents entries={rendered.toc} />}
        <div className="article-content">
          <SentOnce id="article-body" className="article-body" {...await sentOnce(rendered.html)} />
          {rendered.references.length > 0 && (
            <>
              <SentOnce id="article-references" className="article-references" {...await sentOnce(referenceListHtml(rendered.references, banner ? undefined : article.pageId))} />
              <CitationPreviews scope=".article-body" />
            </>
          )}
        </div>
      </div>
    </article>
  );
}
