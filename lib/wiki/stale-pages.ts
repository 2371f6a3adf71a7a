import type { DbOrTx } from "../db";

// Which pages show a page or a file: what a change to it makes stale (lib/cache/invalidation.ts).
// Queries on the link, media-use and redirect tables only, so the cache may ask them from below
// the services that announce changes.

/** Ids of the pages whose published revision links to this page id, in one query. */
export async function pagesLinkingTo(db: DbOrTx, pageId: string): Promise<string[]> {
  const pages = await db.page.findMany({
    where: { deletedAt: null, publishedRevision: { links: { some: { targetSlug: pageId } } } },
    select: { slug: true },
  });
  return pages.map((p) => p.slug);
}

/**
 * Ids of the live pages whose readers see a file (or its missing-file placeholder), and of the
 * redirects that show them: what a new version of the file makes stale. Two queries.
 */
export async function pagesShowingMedia(db: DbOrTx, name: string): Promise<string[]> {
  const pages = (await db.page.findMany({ where: { deletedAt: null, publishedRevision: { mediaUses: { some: { mediaName: name } } } }, select: { slug: true } })).map(
    (p) => p.slug,
  );
  if (!pages.length) return [];
  const redirects = await db.page.findMany({ where: { redirectTo: { in: pages } }, select: { slug: true } });
  return [...pages, ...redirects.map((p) => p.slug)];
}

/** Ids of the redirects that show this page. */
export async function redirectsTo(db: DbOrTx, pageId: string): Promise<string[]> {
  const pages = await db.page.findMany({ where: { redirectTo: pageId }, select: { slug: true } });
  return pages.map((p) => p.slug);
}
