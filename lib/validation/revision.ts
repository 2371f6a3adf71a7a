import { z } from "zod";
import { rowId } from "./numbers";
import { DocumentSchema, MAX_DOCUMENT_BYTES } from "./document";

export const MAX_SUMMARY_LENGTH = 500;

const SaveFields = {
  summary: z.string().trim().max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`).default(""),
  minor: z.boolean().default(false),
  baseRevisionId: rowId.nullable(),
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
