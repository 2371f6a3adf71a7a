"use server";

import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { collectLinkTargets } from "@/lib/content/document";
import type { Reference, TocEntry } from "@/lib/content/render";
import { db } from "@/lib/db";
import { LinkedPageIdsSchema, type SaveRevisionRequest, SaveRevisionSchema } from "@/lib/validation/revision";
import { existingPageIds, renderStoredDocument } from "@/lib/wiki/articles";
import { type LinkSuggestion, linkSuggestions } from "@/lib/wiki/page-index";
import { assertCanEdit, pageIdOrThrow, savePageEdit } from "@/lib/wiki/edit";
import { AppError } from "@/lib/wiki/errors";
import { checkDocument, type ConflictDetails } from "@/lib/wiki/revisions";
import { createSource, searchSources, type SourceChoice } from "@/lib/wiki/sources";

/** The editor's document from its JSON text. */
function parseDocumentText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The document could not be read.");
  }
}

export type SaveOutcome =
  { status: "created"; number: number; revisionId: number; merged: boolean; pending: boolean } | { status: "unchanged"; number: number; revisionId: number };

/** Saves the editor's document as a new revision; a conflict comes back with what resolving it needs. */
export async function saveArticle(rawPageId: string, request: SaveRevisionRequest): Promise<ActionResult<SaveOutcome> & { conflict?: ConflictDetails }> {
  let conflict: ConflictDetails | undefined;
  const result = await toActionResult(async () => {
    const pageId = pageIdOrThrow(rawPageId);
    const input = SaveRevisionSchema.safeParse(request);
    if (!input.success) throw new AppError("INVALID_INPUT", input.error.issues[0]?.message ?? "The save was not understood.");
    try {
      const saved = await savePageEdit(db, await currentAccount(), { pageId, ...input.data, doc: parseDocumentText(input.data.doc) });
      if (saved.status === "unchanged") return { status: saved.status, number: saved.number, revisionId: saved.revisionId };
      return { status: saved.status, number: saved.number, revisionId: saved.revisionId, merged: saved.merged, pending: saved.pending };
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") conflict = error.details as unknown as ConflictDetails;
      throw error;
    }
  });
  return conflict ? { ...result, conflict } : result;
}

export interface Preview {
  html: string;
  toc: TocEntry[];
  references: Reference[];
}

/** Renders the editor's document exactly as readers would see it. */
export async function previewArticle(rawPageId: string, docText: string): Promise<ActionResult<Preview>> {
  return toActionResult(async () => {
    await assertCanEdit(db, await currentAccount(), pageIdOrThrow(rawPageId));
    const doc = checkDocument(parseDocumentText(String(docText)));
    return renderStoredDocument(db, doc, collectLinkTargets(doc));
  });
}

export async function findPages(query: string): Promise<LinkSuggestion[]> {
  if (!(await currentAccount())) return [];
  return linkSuggestions(db, String(query));
}

/** Which of the pages the editor's new links name do not exist (empty when signed out). */
export async function findMissingPages(pageIds: unknown): Promise<string[]> {
  const ids = LinkedPageIdsSchema.safeParse(pageIds);
  if (!ids.success || !(await currentAccount())) return [];
  const existing = await existingPageIds(db, ids.data);
  return ids.data.filter((id) => !existing.has(id));
}

export async function findSources(query: string): Promise<SourceChoice[]> {
  const account = await currentAccount();
  if (!account) return [];
  return searchSources(db, account.id, String(query));
}

/**
 * Adds a source from the citation tool (or finds the one with the same address), as the editor's
 * draft until the edit citing it is saved.
 */
export async function addSource(rawPageId: string, input: unknown): Promise<ActionResult<SourceChoice & { existed: boolean }>> {
  return toActionResult(async () => {
    const account = await assertCanEdit(db, await currentAccount(), pageIdOrThrow(rawPageId));
    return createSource(db, account, input, { draft: true });
  });
}
