import type { Account } from "../auth/account";
import { authorize } from "../auth/policy";
import type { ImportedSource } from "../content/dokuwiki";
import type { RenderSource } from "../content/render";
import { normalizeDoi, normalizeUrl } from "../content/url";
import type { DbOrTx } from "../db";
import { fieldErrors } from "../validation/account";
import { NewSourceSchema, parseAuthorList } from "../validation/source";
import { SOURCE_FIELD_SELECT } from "../content/source-fields";
import { AppError } from "./errors";

/**
 * The record already in the library for a source: the same normalised address or DOI, or, for a
 * source with neither, the same title among records with neither.
 */
export async function findSameSource(tx: DbOrTx, key: { normalizedUrl: string | null; doi: string | null; title: string }): Promise<string | null> {
  const identifiers = [...(key.normalizedUrl ? [{ normalizedUrl: key.normalizedUrl }] : []), ...(key.doi ? [{ doi: key.doi }] : [])];
  const found = await tx.source.findFirst({
    where: identifiers.length ? { OR: identifiers } : { normalizedUrl: null, doi: null, title: key.title },
    select: { id: true },
  });
  return found?.id ?? null;
}

/**
 * The library's source id for each imported source key, reusing a source with the same normalised
 * URL (or, for sources without one, the same title) and creating the others.
 */
export async function resolveImportedSources(tx: DbOrTx, sources: ImportedSource[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const source of sources) {
    const normalizedUrl = source.url ? normalizeUrl(source.url) : null;
    const id =
      (await findSameSource(tx, { normalizedUrl, doi: null, title: source.title })) ??
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

const RECORD_SELECT = { id: true, ...SOURCE_FIELD_SELECT, mergedIntoId: true } as const;

type Names = RenderSource["authors"];
export type SourceRecord = RenderSource & { doi: string | null; isbn: string | null; note: string | null };

/** A stored CSL name list; anything unreadable is no names. */
export function parseAuthors(json: string): Names {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/**
 * The records of these source ids, each cited id mapped to the record readers see for it: itself,
 * or the record it was merged into. One query, and a second only when some were merged.
 */
export async function getSourceRecords(db: DbOrTx, ids: string[]): Promise<Map<string, SourceRecord>> {
  if (!ids.length) return new Map();
  const rows = await db.source.findMany({ where: { id: { in: [...new Set(ids)] } }, select: RECORD_SELECT });
  const targets = rows.filter((r) => r.mergedIntoId).map((r) => r.mergedIntoId!);
  const kept = targets.length ? await db.source.findMany({ where: { id: { in: [...new Set(targets)] } }, select: RECORD_SELECT }) : [];
  const byId = new Map([...rows, ...kept].map((row) => [row.id, row]));
  const toRecord = ({ mergedIntoId: _m, ...row }: (typeof rows)[number]): SourceRecord => ({ ...row, authors: parseAuthors(row.authors) });
  return new Map(rows.map((row) => [row.id, toRecord(row.mergedIntoId ? (byId.get(row.mergedIntoId) ?? row) : row)]));
}

/** The sources with these ids, in the form the renderer takes (see {@link getSourceRecords}). */
export async function getRenderSources(db: DbOrTx, ids: string[]): Promise<Map<string, RenderSource>> {
  return getSourceRecords(db, ids);
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

/** The sources in the library, and the drafts of this account (see `createSource`). */
export const visibleSources = (accountId: string | null) => ({ OR: [{ draftOfId: null }, ...(accountId ? [{ draftOfId: accountId }] : [])] });

/** Sources whose title or address contains the query, for the citation picker of this account. */
export async function searchSources(db: DbOrTx, accountId: string | null, query: string, limit = 10): Promise<SourceChoice[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return db.source.findMany({ where: visibleSources(accountId), orderBy: { updatedAt: "desc" }, take: limit, select: CHOICE_SELECT });
  return db.source.findMany({
    where: { AND: [visibleSources(accountId), { OR: [{ title: { contains: q } }, { url: { contains: q } }, { normalizedUrl: { contains: q.toLowerCase() } }] }] },
    orderBy: { title: "asc" },
    take: limit,
    select: CHOICE_SELECT,
  });
}

/**
 * Adds a source to the library, or returns the one already there with the same normalised address
 * or DOI: the library never holds two records of one address or DOI. A `draft` (added from the
 * editor's citation tool) is seen by its author alone until a saved revision cites it, so an edit
 * left unsaved leaves nothing in the library; a source added to the library directly that was
 * someone's draft joins the library.
 */
export async function createSource(db: DbOrTx, account: Account | null, input: unknown, { draft = false } = {}): Promise<SourceChoice & { existed: boolean }> {
  authorize(account, "changeSources");
  const parsed = NewSourceSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Check the source's fields.", { fieldErrors: fieldErrors(parsed.error) });
  const { authors, type, ...fields } = parsed.data;
  const normalizedUrl = fields.url ? normalizeUrl(fields.url) : null;
  const doi = fields.doi ? normalizeDoi(fields.doi) : null;
  const existing = normalizedUrl || doi ? await findSameSource(db, { normalizedUrl, doi, title: fields.title }) : null;
  if (existing) {
    const found = draft
      ? await db.source.findUniqueOrThrow({ where: { id: existing }, select: CHOICE_SELECT })
      : await db.source.update({ where: { id: existing }, data: { draftOfId: null }, select: CHOICE_SELECT });
    return { ...found, existed: true };
  }
  const created = await db.source.create({
    data: {
      ...fields,
      type: type ?? (fields.url ? "webpage" : "document"),
      doi,
      normalizedUrl,
      authors: JSON.stringify(parseAuthorList(authors)),
      draftOfId: draft ? account!.id : null,
    },
    select: CHOICE_SELECT,
  });
  return { ...created, existed: false };
}
