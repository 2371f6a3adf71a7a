import { type DocumentJSON, storedDocument, walk } from "../content/document";
import { type ExportedSource, toDokuWiki } from "../content/dokuwiki-export";
import type { Account } from "../auth/account";
import type { DbOrTx } from "../db";
import { AppError } from "./errors";
import { getPageHeaderOrThrow } from "./history";
import { assertReadable, mayReadUnapproved } from "./review-policy";

/** One revision of a page as DokuWiki markup. */
export interface ExportedRevision {
  pageId: string;
  title: string;
  number: number;
  markup: string;
}

/**
 * A page as DokuWiki markup: revision `number`, or the newest the account may read (text waiting
 * for review only for those who may read it). Importing the markup gives the same document back
 * (sources of citations without a note are written as their links).
 */
export async function exportPageMarkup(db: DbOrTx, account: Account | null, rawPageId: string, number?: number): Promise<ExportedRevision> {
  const page = await getPageHeaderOrThrow(db, rawPageId);
  const wanted = number ?? ((await mayReadUnapproved(db, account)) ? page.latestNumber : (page.publishedNumber ?? page.latestNumber));
  const revision = await db.revision.findUnique({ where: { pageId_number: { pageId: page.id, number: wanted } }, select: { number: true, content: true, reviewState: true } });
  if (!revision) throw new AppError("NOT_FOUND", `"${page.pageId}" has no revision ${number}.`);
  await assertReadable(db, account, [revision]);
  const doc = storedDocument(revision.content);
  const sources = await citedSources(db, [doc]);
  return { pageId: page.pageId, title: page.title, number: revision.number, markup: toDokuWiki(doc, { title: page.title, pageId: page.pageId, sources }) };
}

/** The sources of the documents' citations that have no note of their own, in one query. */
export async function citedSources(db: DbOrTx, docs: DocumentJSON[]): Promise<Map<string, ExportedSource>> {
  const ids = new Set<string>();
  for (const doc of docs) {
    walk(doc, (node) => {
      if (node.type === "citation" && !(Array.isArray(node.attrs?.note) && node.attrs.note.length)) ids.add(String(node.attrs?.sourceId ?? ""));
    });
  }
  if (!ids.size) return new Map();
  const rows = await db.source.findMany({ where: { id: { in: [...ids] } }, select: { id: true, title: true, url: true } });
  return new Map(rows.map((row) => [row.id, { title: row.title, url: row.url }]));
}
