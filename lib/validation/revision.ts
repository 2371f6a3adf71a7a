import { z } from "zod";
import { DocumentSchema } from "./document";

export const MAX_SUMMARY_LENGTH = 500;

/** A save as the editor (or the HTTP API) sends it. The document is checked in depth on saving. */
export const SaveRevisionSchema = z.object({
  doc: DocumentSchema,
  summary: z.string().trim().max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`).default(""),
  minor: z.boolean().default(false),
  baseRevisionId: z.number().int().positive().nullable(),
});
export type SaveRevisionRequest = z.input<typeof SaveRevisionSchema>;
