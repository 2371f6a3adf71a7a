import type { ImportedSource } from "../content/dokuwiki";
import type { RenderSource } from "../content/render";
import { normalizeUrl } from "../content/url";
import type { DbOrTx } from "../db";

/**
 * The library's source id for each imported source key, reusing a source with the same normalised
 * URL (or, for sources without one, the same title) and creating the others.
 */
export async function resolveImportedSources(tx: DbOrTx, sources: ImportedSource[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const source of sources) {
    const normalizedUrl = source.url ? normalizeUrl(source.url) : null;
    const existing = await tx.source.findFirst({
      where: normalizedUrl ? { normalizedUrl } : { normalizedUrl: null, doi: null, title: source.title },
      select: { id: true },
    });
    const id =
      existing?.id ??
      (
        await tx.source.create({
          data: { type: source.type, title: source.title, url: source.url, normalizedUrl },
          select: { id: true },
        })
      ).id;
    ids.set(source.key, id);
  }
  return ids;
}

/** The sources with these ids, in the form the renderer takes, in one query. */
export async function getRenderSources(db: DbOrTx, ids: string[]): Promise<Map<string, RenderSource>> {
  if (!ids.length) return new Map();
  const rows = await db.source.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: {
      id: true, type: true, title: true, authors: true, containerTitle: true,
      publisher: true, issued: true, url: true, accessed: true,
    },
  });
  return new Map(rows.map((row) => [row.id, { ...row, authors: parseAuthors(row.authors) }]));
}

function parseAuthors(json: string): RenderSource["authors"] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}
