import type { ImportedSource } from "../content/dokuwiki";
import type { RenderSource } from "../content/render";
import { normalizeUrl } from "../content/url";
import type { DbOrTx } from "../db";
import { fieldErrors } from "../validation/account";
import { NewSourceSchema, type NewSourceInput, parseAuthorList } from "../validation/source";
import { AppError } from "./errors";

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

const RENDER_SELECT = {
  id: true, type: true, title: true, authors: true, containerTitle: true,
  publisher: true, issued: true, url: true, accessed: true, mergedIntoId: true,
} as const;

/**
 * The sources with these ids, in the form the renderer takes: one query, and a second only when
 * some were merged into others (a merged id maps to the record it became).
 */
export async function getRenderSources(db: DbOrTx, ids: string[]): Promise<Map<string, RenderSource>> {
  if (!ids.length) return new Map();
  const rows = await db.source.findMany({ where: { id: { in: [...new Set(ids)] } }, select: RENDER_SELECT });
  const targets = rows.filter((r) => r.mergedIntoId).map((r) => r.mergedIntoId!);
  const kept = targets.length ? await db.source.findMany({ where: { id: { in: [...new Set(targets)] } }, select: RENDER_SELECT }) : [];
  const byId = new Map([...rows, ...kept].map((row) => [row.id, row]));
  const toRender = ({ mergedIntoId: _m, ...row }: (typeof rows)[number]): RenderSource => ({ ...row, authors: parseAuthors(row.authors) });
  return new Map(rows.map((row) => [row.id, toRender(row.mergedIntoId ? (byId.get(row.mergedIntoId) ?? row) : row)]));
}

function parseAuthors(json: string): RenderSource["authors"] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** A source as the editor's citation tool lists it. */
export interface SourceChoice {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  issued: string | null;
}

const CHOICE_SELECT = { id: true, title: true, url: true, publisher: true, issued: true } as const;

/** Sources whose title or address contains the query, for the citation picker. */
export async function searchSources(db: DbOrTx, query: string, limit = 10): Promise<SourceChoice[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return db.source.findMany({ orderBy: { updatedAt: "desc" }, take: limit, select: CHOICE_SELECT });
  return db.source.findMany({
    where: { OR: [{ title: { contains: q } }, { url: { contains: q } }, { normalizedUrl: { contains: q.toLowerCase() } }] },
    orderBy: { title: "asc" },
    take: limit,
    select: CHOICE_SELECT,
  });
}

/**
 * Adds a source to the library, or returns the one already there with the same normalised URL:
 * the library never holds two records of one address.
 */
export async function createSource(db: DbOrTx, input: NewSourceInput): Promise<SourceChoice & { existed: boolean }> {
  const parsed = NewSourceSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Check the source's fields.", { fieldErrors: fieldErrors(parsed.error) });
  const { url, title, authors, publisher, issued } = parsed.data;
  const normalizedUrl = url ? normalizeUrl(url) : null;
  if (normalizedUrl) {
    const existing = await db.source.findUnique({ where: { normalizedUrl }, select: CHOICE_SELECT });
    if (existing) return { ...existing, existed: true };
  }
  const created = await db.source.create({
    data: { type: url ? "webpage" : "document", title, url, normalizedUrl, publisher, issued, authors: JSON.stringify(parseAuthorList(authors)) },
    select: CHOICE_SELECT,
  });
  return { ...created, existed: false };
}
