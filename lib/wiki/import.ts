import { basename } from "node:path";
import { parseDokuWiki } from "../content/dokuwiki";
import { mapCitationSources } from "../content/document";
import { normalizePageId, titleFromPageId } from "../content/page-id";
import type { Db } from "../db";
import { transaction } from "../db/transaction";
import { AppError } from "./errors";
import { type SaveRevisionResult, writePageRevision } from "./revisions";
import { resolveImportedSources } from "./sources";
import { ensureSystemUser } from "./users";

export interface ImportDokuWikiInput {
  markup: string;
  /** The page id; defaults to the file name without its extension. */
  pageId?: string;
  fileName?: string;
}

/**
 * Imports one DokuWiki page as a revision by the system user. Sources in its footnotes join the
 * library (matched by URL); importing the same text again changes nothing.
 */
export async function importDokuWikiPage(db: Db, input: ImportDokuWikiInput): Promise<SaveRevisionResult & { pageId: string }> {
  const rawId = input.pageId ?? (input.fileName ? basename(input.fileName).replace(/\.[^.]*$/, "") : "");
  const pageId = normalizePageId(rawId);
  if (!pageId) throw new AppError("INVALID_INPUT", `"${rawId}" is not a usable page id.`);

  const article = parseDokuWiki(input.markup);
  const result = await transaction(db, async (tx) => {
    const authorId = await ensureSystemUser(tx);
    const sourceIds = await resolveImportedSources(tx, article.sources);
    return writePageRevision(tx, {
      // An import applies on top of whatever is latest.
      pageId,
      title: article.title ?? titleFromPageId(pageId),
      doc: mapCitationSources(article.doc, (key) => sourceIds.get(key) ?? key),
      authorId,
      summary: `Imported from DokuWiki${input.fileName ? ` (${basename(input.fileName)})` : ""}`,
      selfApproved: true,
    });
  });
  return { ...result, pageId };
}
