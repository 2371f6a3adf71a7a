import { basename } from "node:path";
import { type DokuWikiOptions, type ImportWarning, parseDokuWiki } from "../content/dokuwiki";
import { collectLinkTargets, mapCitationSources } from "../content/document";
import { parseInterwikiMap } from "../content/interwiki";
import { normalizePageId, titleFromPageId } from "../content/page-id";
import type { Db } from "../db";
import { changeTransaction } from "../cache/invalidation";
import { AppError } from "./errors";
import { type SaveRevisionResult, writePageRevision } from "./revisions";
import { getSiteSetting } from "./settings";
import { resolveImportedSources } from "./sources";
import { ensureSystemUser } from "./users";

export interface ImportDokuWikiInput {
  markup: string;
  /** The page id; defaults to the file name without its extension. */
  pageId?: string;
  fileName?: string;
  /** Refuse the import, writing nothing, when anything would not come across as written. */
  strict?: boolean;
  /** Interwiki shortcuts; the site's (DokuWiki's defaults unless changed) when not given. */
  interwiki?: DokuWikiOptions["interwiki"];
  /** The wiki's public address: files that are no pictures inside text link to their library pages. */
  siteUrl?: string;
}

/**
 * Imports one DokuWiki page as a revision by the system user. Links resolve from the page's id;
 * a link without a label shows the title of the page it links to when that page is here. Sources
 * in its footnotes join the library (matched by URL); importing the same text again changes
 * nothing. Returns what was not imported as written in `warnings`; with `strict`, any such warning
 * refuses the import (an `INVALID_INPUT` error whose details hold the warnings).
 */
export async function importDokuWikiPage(db: Db, input: ImportDokuWikiInput): Promise<SaveRevisionResult & { pageId: string; warnings: ImportWarning[] }> {
  const rawId = input.pageId ?? (input.fileName ? basename(input.fileName).replace(/\.[^.]*$/, "") : "");
  const pageId = normalizePageId(rawId);
  if (!pageId) throw new AppError("INVALID_INPUT", `"${rawId}" is not a usable page id.`);

  const interwiki = input.interwiki ?? parseInterwikiMap(await getSiteSetting(db, "interwiki"));
  const options: DokuWikiOptions = { pageId, interwiki, siteUrl: input.siteUrl };
  let article = parseDokuWiki(input.markup, options);
  const targets = collectLinkTargets(article.doc);
  if (targets.length) {
    const pages = await db.page.findMany({ where: { slug: { in: targets }, deletedAt: null }, select: { slug: true, title: true } });
    // Parsing again is cheap (linear) and keeps the parser free of database look-ups.
    if (pages.length) article = parseDokuWiki(input.markup, { ...options, pageTitles: new Map(pages.map((p) => [p.slug, p.title])) });
  }
  if (input.strict && article.warnings.length) {
    throw new AppError("INVALID_INPUT", `${article.warnings.length} construct${article.warnings.length === 1 ? "" : "s"} would not be imported as written.`, {
      warnings: article.warnings,
    });
  }
  const result = await changeTransaction(db, async (tx, stale) => {
    const authorId = await ensureSystemUser(tx);
    const sourceIds = await resolveImportedSources(tx, article.sources);
    const saved = await writePageRevision(tx, {
      // An import applies on top of whatever is latest.
      pageId,
      title: article.title ?? titleFromPageId(pageId),
      doc: mapCitationSources(article.doc, (key) => sourceIds.get(key) ?? key),
      authorId,
      summary: `Imported from DokuWiki${input.fileName ? ` (${basename(input.fileName)})` : ""}`,
      selfApproved: true,
    });
    if (saved.status === "created") stale.page(pageId, { existenceChanged: saved.pageCreated });
    return saved;
  });
  return { ...result, pageId, warnings: article.warnings };
}
