import { collectCitations, type DocumentJSON } from "../content/document";
import { normalizePageId } from "../content/page-id";
import { type RenderedArticle, renderArticle } from "../content/render";
import type { DbOrTx } from "../db";
import { formatSources, getCitationStyle } from "./citation-style";
import { getRenderSources } from "./sources";

export interface ArticleView {
  pageId: string;
  title: string;
  revision: { id: number; number: number; createdAt: Date };
  rendered: RenderedArticle;
  /** The id the reader asked for, when it redirected here (a page renamed away from it). */
  redirectedFrom?: string;
}

/**
 * The published revision of a page, rendered for readers, in four queries whatever the number of
 * links and citations: the page with its revision, the cited sources, the linked pages that exist
 * and the site's citation style.
 * A redirect left by a rename shows the page it points to, saying so. Null when there is no such
 * page (or it was deleted).
 */
export async function getArticle(db: DbOrTx, rawPageId: string, { followRedirect = true } = {}): Promise<ArticleView | null> {
  const pageId = normalizePageId(rawPageId);
  if (!pageId) return null;
  const page = await db.page.findUnique({
    where: { slug: pageId },
    select: {
      slug: true,
      title: true,
      deletedAt: true,
      redirectTo: true,
      publishedRevision: {
        select: { id: true, number: true, createdAt: true, content: true, links: { select: { targetSlug: true } } },
      },
    },
  });
  if (page?.redirectTo && !page.deletedAt && followRedirect) {
    const target = await getArticle(db, page.redirectTo, { followRedirect: false });
    return target && { ...target, redirectedFrom: page.slug };
  }
  const revision = page?.publishedRevision;
  if (!page || page.deletedAt || !revision) return null;

  return {
    pageId: page.slug,
    title: page.title,
    revision: { id: revision.id, number: revision.number, createdAt: revision.createdAt },
    rendered: await renderStoredDocument(db, JSON.parse(revision.content) as DocumentJSON, revision.links.map((l) => l.targetSlug)),
  };
}

/**
 * A stored document rendered for readers, its References in the site's citation style: its sources,
 * which of its links exist and the style, in three queries.
 */
export async function renderStoredDocument(db: DbOrTx, doc: DocumentJSON, linkTargets: string[]): Promise<RenderedArticle> {
  const [sources, existing, style] = await Promise.all([
    getRenderSources(db, collectCitations(doc).map((c) => c.sourceId)),
    existingPageIds(db, linkTargets),
    getCitationStyle(db),
  ]);
  const rendered = renderArticle(doc, { sources, pageExists: (id) => existing.has(id) });
  const formatted = await formatSources(db, rendered.references.flatMap((r) => (r.source ? [r.source] : [])), style);
  return { ...rendered, references: rendered.references.map((r) => ({ ...r, formatted: formatted.get(r.sourceId) })) };
}

/** Which of these page ids name live pages (or redirects to them), in one query. */
export async function existingPageIds(db: DbOrTx, pageIds: string[]): Promise<Set<string>> {
  if (!pageIds.length) return new Set();
  const rows = await db.page.findMany({
    where: { slug: { in: pageIds }, deletedAt: null, OR: [{ publishedRevisionId: { not: null } }, { redirectTo: { not: null } }] },
    select: { slug: true },
  });
  return new Set(rows.map((r) => r.slug));
}

export interface ArticleSummary {
  pageId: string;
  title: string;
  namespace: string;
  updatedAt: Date;
}

/** Live articles, by title, for the home page. */
export async function listArticles(db: DbOrTx, { limit = 200 } = {}): Promise<ArticleSummary[]> {
  const pages = await db.page.findMany({
    where: { deletedAt: null, publishedRevisionId: { not: null }, redirectTo: null },
    orderBy: { title: "asc" },
    take: limit,
    select: { slug: true, title: true, namespace: true, updatedAt: true },
  });
  return pages.map((p) => ({ pageId: p.slug, title: p.title, namespace: p.namespace, updatedAt: p.updatedAt }));
}

/** Live pages whose title or id contains the query, for wiki-link autocomplete. */
export async function searchTitles(db: DbOrTx, query: string, limit = 10): Promise<{ pageId: string; title: string }[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const pages = await db.page.findMany({
    where: { deletedAt: null, latestRevisionId: { not: null }, OR: [{ title: { contains: q } }, { slug: { contains: q.toLowerCase() } }] },
    orderBy: { title: "asc" },
    take: limit,
    select: { slug: true, title: true },
  });
  return pages.map((p) => ({ pageId: p.slug, title: p.title }));
}

/** Ids of the pages whose published revision links to this page id, in one query. */
export async function pagesLinkingTo(db: DbOrTx, pageId: string): Promise<string[]> {
  const pages = await db.page.findMany({
    where: { deletedAt: null, publishedRevision: { links: { some: { targetSlug: pageId } } } },
    select: { slug: true },
  });
  return pages.map((p) => p.slug);
}

/** Ids of the redirects that show this page. */
export async function redirectsTo(db: DbOrTx, pageId: string): Promise<string[]> {
  const pages = await db.page.findMany({ where: { redirectTo: pageId }, select: { slug: true } });
  return pages.map((p) => p.slug);
}
