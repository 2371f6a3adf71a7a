import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "./document";

export const MAX_SUMMARY_LENGTH = 500;

/**
 * A save as the editor sends it: the document travels as JSON text, so what the server checks is
 * exactly what the browser had. The document is checked in depth on saving.
 */
export const SaveRevisionSchema = z.object({
  doc: z.string().max(MAX_DOCUMENT_BYTES * 2, "The document is too large to save."),
  summary: z.string().trim().max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`).default(""),
  minor: z.boolean().default(false),
  baseRevisionId: z.number().int().positive().nullable(),
});
export type SaveRevisionRequest = z.input<typeof SaveRevisionSchema>;
