import type { DbOrTx } from "../db";
import { type Contribution, HISTORY_PAGE_SIZE, SUMMARY_SELECT } from "./history";

export interface RecentChange extends Contribution {
  author: { id: string; name: string };
}

export interface RecentChangesFilter {
  /** Only pages in this namespace or below it ("" for the top level). */
  namespace?: string;
  /** Only revisions by the user with this name. */
  author?: string;
  hideMinor?: boolean;
  /** Only revisions of pages this person watches (their watchlist). */
  watchedBy?: string;
  /** Only revisions older than this revision id (the cursor of the next page). */
  before?: number;
  limit?: number;
}

export interface RecentChangesPage {
  changes: RecentChange[];
  /** The `before` cursor of the next older page, or null. */
  older: number | null;
}

/**
 * Revisions across the wiki, newest first, walking the revision ids (which grow with time) so
 * every page of results costs the same.
 */
export async function getRecentChanges(db: DbOrTx, filter: RecentChangesFilter = {}): Promise<RecentChangesPage> {
  const limit = filter.limit ?? HISTORY_PAGE_SIZE;
  const namespace = filter.namespace?.trim();
  const rows = await db.revision.findMany({
    where: {
      ...(filter.before ? { id: { lt: filter.before } } : {}),
      ...(filter.hideMinor ? { minor: false } : {}),
      ...(filter.author ? { author: { name: filter.author } } : {}),
      page: {
        deletedAt: null,
        ...(filter.watchedBy ? { watches: { some: { userId: filter.watchedBy } } } : {}),
        ...(namespace !== undefined && namespace !== "" ? { OR: [{ namespace }, { namespace: { startsWith: `${namespace}:` } }] } : {}),
        ...(namespace === "" ? { namespace: "" } : {}),
      },
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { ...SUMMARY_SELECT, page: { select: { slug: true, title: true } } },
  });
  const changes = rows
    .slice(0, limit)
    .map(({ page, author, ...row }) => ({ ...row, pageId: page.slug, title: page.title, author: { id: author.id, name: author.name ?? "unknown" } }));
  return { changes, older: rows.length > limit ? changes.at(-1)!.id : null };
}

/** The namespaces that hold live pages, for the recent changes filter. */
export async function listNamespaces(db: DbOrTx): Promise<string[]> {
  const rows = await db.page.findMany({ where: { deletedAt: null, namespace: { not: "" } }, distinct: ["namespace"], orderBy: { namespace: "asc" }, select: { namespace: true } });
  return rows.map((r) => r.namespace);
}
