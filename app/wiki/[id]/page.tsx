import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/reader/article-view";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { getArticle } from "@/lib/wiki/articles";

// Articles are rendered on first request and kept in the page cache; saves revalidate the page
// and the pages linking to it. The time limit only bounds staleness after changes made outside
// this server (a command-line import while it runs).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

const loadArticle = cache((id: string) => getArticle(db, decodeURIComponent(id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).id);
  return { title: article?.title ?? "No such page", ...(article?.redirectedFrom ? { alternates: { canonical: pageHref(article.pageId) } } : {}) };
}

export default async function WikiPage({ params }: Props) {
  const article = await loadArticle((await params).id);
  if (!article) notFound();
  return <ArticleView article={article} />;
}
