import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleView } from "@/components/reader/article-view";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { getArticle } from "@/lib/wiki/articles";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }> };

const loadArticle = cache((id: string) => getArticle(db, routeParam(id)));

// Rendered on request, never kept by Next.js: the front cache (lib/cache/page-cache.ts) keeps the
// answer for every reader and forgets it whenever the page changes, on any server.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await loadArticle((await params).id);
  return { title: article?.title ?? "No such page", ...(article?.redirectedFrom ? { alternates: { canonical: pageHref(article.pageId) } } : {}) };
}

export default async function WikiPage({ params }: Props) {
  await connection();
  const article = await loadArticle((await params).id);
  if (!article) notFound();
  return <ArticleView article={article} />;
}
