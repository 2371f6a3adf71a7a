import { z } from "zod";

const revisionNumber = z.coerce.number({ error: "A revision number is a whole number." }).int("A revision number is a whole number.").positive("Revision numbers start at 1.");

/** `?before=` of the history page: show revisions older than this number. */
export const HistoryQuerySchema = z.object({ before: revisionNumber.optional().catch(undefined) });

/**
 * `?from=&to=&view=` of the diff page. Either number may be left out: `to` defaults to the latest
 * revision and `from` to the one before `to`.
 */
export const DiffQuerySchema = z.object({
  from: revisionNumber.optional(),
  to: revisionNumber.optional(),
  view: z.enum(["inline", "side"]).catch("inline"),
});

/** A revert or undo from the confirmation form. */
export const RevertSchema = z.object({
  pageId: z.string().min(1).max(300),
  number: revisionNumber,
  mode: z.enum(["revert", "undo"]),
});

/** A rollback of one author's latest edits. */
export const RollbackSchema = z.object({ pageId: z.string().min(1).max(300) });

/** The first value of a search parameter as Next.js passes them. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
