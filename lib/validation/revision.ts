import { z } from "zod";
import { rowId } from "./numbers";
import { DocumentSchema, MAX_DOCUMENT_BYTES } from "./document";

export const MAX_SUMMARY_LENGTH = 500;
export const MAX_PAGE_TITLE_LENGTH = 300;

/** A page's title as a person types it: spaces trimmed, never empty. */
export const PageTitleSchema = z.string().trim().min(1, "Give the page a title.").max(MAX_PAGE_TITLE_LENGTH, `Keep the title under ${MAX_PAGE_TITLE_LENGTH} characters.`);

/** The page ids the editor asks about: those its links name (a few hundred at most). */
export const LinkedPageIdsSchema = z.array(z.string().min(1).max(MAX_PAGE_TITLE_LENGTH)).max(500);

const SaveFields = {
  summary: z.string().trim().max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`).default(""),
  minor: z.boolean().default(false),
  baseRevisionId: rowId.nullable(),
  /** The page's title: a new page's, or a new one for an existing page (its id stays). */
  title: PageTitleSchema.optional(),
  /** Whether the author watches the page from this save on (the editor's box, ticked at first). */
  watch: z.boolean().default(false),
};

/**
 * A save as the editor sends it: the document travels as JSON text, so what the server checks is
 * exactly what the browser had. The document is checked in depth on saving.
 */
export const SaveRevisionSchema = z.object({
  doc: z.string().max(MAX_DOCUMENT_BYTES * 2, "The document is too large to save."),
  ...SaveFields,
});
export type SaveRevisionRequest = z.input<typeof SaveRevisionSchema>;

/** A save through the HTTP API: the same fields, the document as JSON. */
export const ApiSaveRevisionSchema = z.object({ doc: DocumentSchema, ...SaveFields });
export type ApiSaveRevisionRequest = z.input<typeof ApiSaveRevisionSchema>;
