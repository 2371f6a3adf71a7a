"use server";

import { revalidateArticle } from "@/lib/cache/revalidate";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { collectCitations, collectLinkTargets } from "@/lib/content/document";
import { normalizePageId } from "@/lib/content/page-id";
import { type Reference, renderArticle, type TocEntry } from "@/lib/content/render";
import { db } from "@/lib/db";
import { DocumentValidationError, parseDocument } from "@/lib/validation/document";
import { type SaveRevisionRequest, SaveRevisionSchema } from "@/lib/validation/revision";
import type { NewSourceInput } from "@/lib/validation/source";
import { existingPageIds, searchTitles } from "@/lib/wiki/articles";
import { AppError } from "@/lib/wiki/errors";
import { type ConflictDetails, getLatestRevision, savePageRevision } from "@/lib/wiki/revisions";
import { createSource, getRenderSources, searchSources, type SourceChoice } from "@/lib/wiki/sources";

async function requireEditor(pageId: string) {
  const account = await currentAccount();
  if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to edit.");
  const page = await getLatestRevision(db, pageId);
  if (!can(account, "edit", page ?? undefined)) {
    throw new AppError("FORBIDDEN", page?.protected ? "This page is protected: only reviewers and administrators can edit it." : "Your account cannot edit pages.");
  }
  return account;
}

function pageIdOrThrow(raw: string): string {
  const pageId = normalizePageId(raw);
  if (!pageId || pageId !== raw) throw new AppError("INVALID_INPUT", "That is not a page id.");
  return pageId;
}

/** The editor's document from its JSON text, fully validated. */
function parseDocumentText(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The document could not be read.");
  }
  try {
    return parseDocument(value);
  } catch (error) {
    throw asAppError(error);
  }
}

function asAppError(error: unknown): unknown {
  return error instanceof DocumentValidationError ? new AppError("INVALID_INPUT", error.problems.join(" ")) : error;
}

export type SaveOutcome =
  | { status: "created"; number: number; revisionId: number; merged: boolean }
  | { status: "unchanged"; number: number; revisionId: number };

/** Saves the editor's document as a new revision; a conflict comes back with what resolving it needs. */
export async function saveArticle(rawPageId: string, request: SaveRevisionRequest): Promise<ActionResult<SaveOutcome> & { conflict?: ConflictDetails }> {
  let conflict: ConflictDetails | undefined;
  const result = await toActionResult(async () => {
    const pageId = pageIdOrThrow(rawPageId);
    const account = await requireEditor(pageId);
    const input = SaveRevisionSchema.safeParse(request);
    if (!input.success) throw new AppError("INVALID_INPUT", input.error.issues[0]?.message ?? "The save was not understood.");
    try {
      const saved = await savePageRevision(db, { pageId, authorId: account.id, ...input.data, doc: parseDocumentText(input.data.doc) });
      if (saved.status === "created") await revalidateArticle(db, pageId, { pageCreated: saved.pageCreated });
      return saved.status === "created"
        ? { status: saved.status, number: saved.number, revisionId: saved.revisionId, merged: saved.merged }
        : { status: saved.status, number: saved.number, revisionId: saved.revisionId };
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") conflict = error.details as unknown as ConflictDetails;
      throw asAppError(error);
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
    await requireEditor(pageIdOrThrow(rawPageId));
    const parsed = parseDocumentText(String(docText));
    const [sources, existing] = await Promise.all([
      getRenderSources(db, collectCitations(parsed).map((c) => c.sourceId)),
      existingPageIds(db, collectLinkTargets(parsed)),
    ]);
    return renderArticle(parsed, { sources, pageExists: (id) => existing.has(id) });
  });
}

export async function findPages(query: string): Promise<{ pageId: string; title: string }[]> {
  if (!(await currentAccount())) return [];
  return searchTitles(db, String(query));
}

export async function findSources(query: string): Promise<SourceChoice[]> {
  if (!(await currentAccount())) return [];
  return searchSources(db, String(query));
}

/** Adds a source from the citation tool (or finds the one with the same address). */
export async function addSource(rawPageId: string, input: NewSourceInput): Promise<ActionResult<SourceChoice & { existed: boolean }>> {
  return toActionResult(async () => {
    await requireEditor(pageIdOrThrow(rawPageId));
    return createSource(db, input);
  });
}
