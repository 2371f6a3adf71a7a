import { collectCitations, type DocumentJSON, storedDocument } from "../content/document";
import { collectFigureMedia } from "../content/extensions";
import { normalizePageId } from "../content/page-id";
import { type RenderedArticle, renderArticle } from "../content/render";
import type { DbOrTx } from "../db";
import { formatSources, getCitationStyle } from "./citation-style";
import { getRenderMedia } from "./media";
import { findPage } from "./page-lookup";
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
export async function getArticle(db: DbOrTx, rawPageId: string): Promise<ArticleView | null> {
  const pageId = normalizePageId(rawPageId);
  if (!pageId) return null;
  const page = await findPage(
    db,
    pageId,
    { title: true, publishedRevision: { select: { id: true, number: true, createdAt: true, content: true, links: { select: { targetSlug: true } } } } },
    { published: true, followRedirect: true },
  );
  const revision = page?.publishedRevision;
  if (!page || !revision) return null;

  return {
    pageId: page.slug,
    title: page.title,
    revision: { id: revision.id, number: revision.number, createdAt: revision.createdAt },
    rendered: await renderStoredDocument(
      db,
      storedDocument(revision.content),
      revision.links.map((l) => l.targetSlug),
    ),
    ...(page.redirectedFrom ? { redirectedFrom: page.redirectedFrom } : {}),
  };
}

/**
 * A stored document rendered for readers, its References in the site's citation style: its sources,
 * which of its links exist, the files its figures show (as of `mediaAsOf`, for an old revision;
 * their current versions otherwise) and the style, in four queries.
 */
export async function renderStoredDocument(db: DbOrTx, doc: DocumentJSON, linkTargets: string[], { mediaAsOf }: { mediaAsOf?: Date } = {}): Promise<RenderedArticle> {
  const [sources, existing, style, media] = await Promise.all([
    getRenderSources(
      db,
      collectCitations(doc).map((c) => c.sourceId),
    ),
    existingPageIds(db, linkTargets),
    getCitationStyle(db),
    getRenderMedia(db, collectFigureMedia(doc), mediaAsOf),
  ]);
  const rendered = renderArticle(doc, { sources, pageExists: (id) => existing.has(id), media });
  const formatted = await formatSources(
    db,
    rendered.references.flatMap((r) => (r.source ? [r.source] : [])),
    style,
  );
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

/** Whether each of these page ids names a live page (as `existingPageIds`), in one query. */
export async function pageExistence(db: DbOrTx, pageIds: string[]): Promise<Record<string, boolean>> {
  const existing = await existingPageIds(db, pageIds);
  return Object.fromEntries(pageIds.map((id) => [id, existing.has(id)]));
}

export interface Backlinks {
  /** The page's title; null when no live page has this id (a wanted page). */
  title: string | null;
  links: { pageId: string; title: string; redirect: boolean }[];
}

/**
 * "What links here": live pages whose published revision links to this page id (existing or
 * not), and the redirects that show it, by title, in two queries.
 */
export async function getBacklinks(db: DbOrTx, pageId: string, { limit = 500 } = {}): Promise<Backlinks> {
  const [page, pages] = await Promise.all([
    findPage(db, pageId, { title: true }, { published: true }),
    db.page.findMany({
      where: { deletedAt: null, OR: [{ redirectTo: pageId }, { redirectTo: null, publishedRevision: { links: { some: { targetSlug: pageId } } } }] },
      orderBy: { title: "asc" },
      take: limit,
      select: { slug: true, title: true, redirectTo: true },
    }),
  ]);
  return { title: page?.title ?? null, links: pages.map((p) => ({ pageId: p.slug, title: p.title, redirect: p.redirectTo !== null })) };
}
