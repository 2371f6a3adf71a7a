import { citedSections } from "../content/cited-sections";
import { type CslItem, toCslItem } from "../content/csl";
import { storedDocument } from "../content/document";
import type { RenderSource } from "../content/render";
import type { DbOrTx } from "../db";
import { AppError } from "./errors";
import { findPageOrThrow } from "./page-lookup";
import { getRenderSources, getSourceRecords, visibleSources } from "./sources";

export interface LibraryEntry {
  id: string;
  type: string;
  title: string;
  url: string | null;
  doi: string | null;
  publisher: string | null;
  issued: string | null;
  /** Citation markers in the versions readers see. */
  uses: number;
}

export const LIBRARY_PAGE_SIZE = 50;

/**
 * The source library, by title: searched in titles, addresses and DOIs, filtered by type, with how
 * often each source is cited in the articles as readers see them. Two queries a page of results.
 */
export async function listSources(db: DbOrTx, { q, type, skip = 0 }: { q?: string; type?: string; skip?: number } = {}): Promise<{ entries: LibraryEntry[]; more: boolean }> {
  const query = q?.trim().slice(0, 200);
  const rows = await db.source.findMany({
    where: {
      mergedIntoId: null,
      draftOfId: null,
      ...(type ? { type } : {}),
      ...(query ? { OR: [{ title: { contains: query } }, { url: { contains: query } }, { doi: { contains: query.toLowerCase() } }] } : {}),
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    skip,
    take: LIBRARY_PAGE_SIZE + 1,
    select: { id: true, type: true, title: true, url: true, doi: true, publisher: true, issued: true },
  });
  const shown = rows.slice(0, LIBRARY_PAGE_SIZE);
  const counts = await db.citation.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: shown.map((s) => s.id) }, revision: { publishedOf: { deletedAt: null } } },
    _count: { _all: true },
  });
  const uses = new Map(counts.map((c) => [c.sourceId, c._count._all]));
  return { entries: shown.map((s) => ({ ...s, uses: uses.get(s.id) ?? 0 })), more: rows.length > LIBRARY_PAGE_SIZE };
}

/** The source types in the library, for the filter. */
export async function listSourceTypes(db: DbOrTx): Promise<string[]> {
  const rows = await db.source.findMany({ where: { draftOfId: null }, distinct: ["type"], orderBy: { type: "asc" }, select: { type: true } });
  return rows.map((r) => r.type);
}

export interface CitingPage {
  pageId: string;
  title: string;
  /** Where the version readers see cites the source (null: it does not, or readers see no version). */
  published: { number: number; sections: { section: string; uses: number }[] } | null;
  /** The same for the latest revision, when it is not the one readers see. */
  latest: { number: number; sections: { section: string; uses: number }[] } | null;
}

export interface SourceDetail {
  source: RenderSource & { doi: string | null; isbn: string | null; archiveUrl: string | null; note: string | null; createdAt: Date; updatedAt: Date; mergedIntoId: string | null };
  citedIn: CitingPage[];
}

/**
 * One source with every article and section that cites it, as readers see them and in the latest
 * revisions. A draft source is shown to its author alone.
 */
export async function getSourceDetail(db: DbOrTx, id: string, viewerId: string | null = null): Promise<SourceDetail> {
  const row = await db.source.findFirst({
    where: { id, ...visibleSources(viewerId) },
    select: { id: true, doi: true, isbn: true, archiveUrl: true, note: true, createdAt: true, updatedAt: true, mergedIntoId: true, merged: { select: { id: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "There is no such source in the library.");
  const { merged, ...record } = row;
  const ids = new Set([id, ...merged.map((m) => m.id)]);
  const [render] = [...(await getRenderSources(db, [id])).values()];
  const cites = { citations: { some: { sourceId: id } } };
  const pages = await db.page.findMany({
    where: { deletedAt: null, OR: [{ publishedRevision: cites }, { latestRevision: cites }] },
    orderBy: { title: "asc" },
    select: {
      slug: true,
      title: true,
      publishedRevision: { select: { id: true, number: true, content: true } },
      latestRevision: { select: { id: true, number: true, content: true } },
    },
  });
  const where = (revision: { number: number; content: string } | null) => {
    if (!revision) return null;
    const sections = citedSections(storedDocument(revision.content), ids);
    return sections.length ? { number: revision.number, sections } : null;
  };
  return {
    source: { ...render, ...record },
    citedIn: pages.map((p) => ({
      pageId: p.slug,
      title: p.title,
      published: where(p.publishedRevision),
      latest: p.latestRevision && p.latestRevision.id !== p.publishedRevision?.id ? where(p.latestRevision) : null,
    })),
  };
}

/** CSL-JSON items for these sources in the order given, each once, a merged record given as the one it became. */
export async function cslItemsFor(db: DbOrTx, ids: string[]): Promise<CslItem[]> {
  const records = await getSourceRecords(db, ids);
  const items = new Map<string, CslItem>();
  for (const id of ids) {
    const record = records.get(id);
    if (record && !items.has(record.id)) items.set(record.id, toCslItem(record));
  }
  return [...items.values()];
}

/** The bibliography of an article as readers see it, in the order its References list the sources. */
export async function articleBibliography(db: DbOrTx, pageId: string): Promise<{ title: string; items: CslItem[] }> {
  const page = await findPageOrThrow(
    db,
    pageId,
    { title: true, publishedRevision: { select: { citations: { orderBy: { position: "asc" }, select: { sourceId: true } } } } },
    { published: true },
  );
  return {
    title: page.title,
    items: await cslItemsFor(
      db,
      page.publishedRevision!.citations.map((c) => c.sourceId),
    ),
  };
}

/** Every source in the library (merged records left out), by title. */
export async function libraryBibliography(db: DbOrTx): Promise<CslItem[]> {
  const rows = await db.source.findMany({ where: { mergedIntoId: null, draftOfId: null }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true } });
  return cslItemsFor(
    db,
    rows.map((r) => r.id),
  );
}
