import Link from "next/link";
import { pageHref } from "@/lib/content/page-id";
import type { ArticleView as Article } from "@/lib/wiki/articles";
import { ReferenceList } from "./reference-list";
import { TableOfContents } from "./table-of-contents";

/** An article as readers see it: title, contents, body and References. */
export function ArticleView({ article }: { article: Article }) {
  const { rendered } = article;
  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article-header">
        <h1 id="article-title">{article.title}</h1>
        <nav className="page-actions" aria-label="Page actions">
          <Link href={pageHref(article.pageId)} aria-current="page">
            Read
          </Link>
          <Link href={`${pageHref(article.pageId)}/edit`}>Edit</Link>
        </nav>
        <p className="article-meta">
          Revision {article.revision.number} ·{" "}
          <time dateTime={article.revision.createdAt.toISOString()}>
            {article.revision.createdAt.toISOString().slice(0, 10)}
          </time>
        </p>
      </header>
      <div className="article-layout">
        {rendered.toc.length > 0 && <TableOfContents entries={rendered.toc} />}
        <div className="article-content">
          <div className="article-body" dangerouslySetInnerHTML={{ __html: rendered.html }} />
          {rendered.references.length > 0 && <ReferenceList references={rendered.references} />}
        </div>
      </div>
    </article>
  );
}
