import { z } from "zod";
import { queryFilter } from "./query";
import { countingNumber } from "./numbers";

/** The longest reason given for a revert or an undo. */
export const MAX_REVERT_REASON = 400;

const revisionNumber = countingNumber("revision");

/** A revision number from an address. */
export const RevisionNumberSchema = revisionNumber;

/** `?before=` of the history page: show revisions older than this number. */
export const HistoryQuerySchema = z.object({
  before: revisionNumber.optional().catch(undefined),
  /** A revision just saved from the history's tools (a revert, an undo, a rollback), said at the top. */
  saved: revisionNumber.optional().catch(undefined),
});

/**
 * `?from=&to=&view=` of the diff page. Either number may be left out: `to` defaults to the latest
 * revision and `from` to the one before `to`.
 */
export const DiffQuerySchema = z.object({
  from: revisionNumber.optional(),
  to: revisionNumber.optional(),
  view: z.enum(["inline", "side"]).catch("inline"),
});

/** `?format=&revision=` of a page in the API: JSON for the editor, or DokuWiki markup of any revision. */
export const PageQuerySchema = z.object({
  format: z.enum(["json", "dokuwiki"], { error: "The format is json or dokuwiki." }).default("json"),
  revision: revisionNumber.optional(),
});

/** A revert or undo from the confirmation form. */
export const RevertSchema = z.object({
  pageId: z.string().min(1).max(300),
  number: revisionNumber,
  mode: z.enum(["revert", "undo"]),
  /** Why, in the editor's words, after the summary the revert writes itself (which takes the rest of a summary's room). */
  summary: z.string().trim().max(MAX_REVERT_REASON, `Keep the reason under ${MAX_REVERT_REASON} characters.`).default(""),
});

/** A rollback of one author's latest edits. */
export const RollbackSchema = z.object({ pageId: z.string().min(1).max(300) });

/** The first value of a search parameter as Next.js passes them. */
function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const reason = z.string().trim().max(300, "Keep the reason under 300 characters.").optional();
const pageIdField = z.string().min(1).max(300);

/** Renaming a page from the page tools. */
export const RenameSchema = z.object({
  pageId: pageIdField,
  newPageId: z.string().trim().min(1, "Give the new page id.").max(200, "Page ids are at most 200 characters."),
  title: z.string().trim().max(300, "Keep the title under 300 characters.").optional(),
  reason,
});

/** Protecting, deleting or restoring a page from the page tools. */
export const PageEventSchema = z.object({
  pageId: pageIdField,
  event: z.enum(["protect", "unprotect", "delete", "restore"]),
  reason,
});

/** An author filter: a user name, or undefined for anyone. */
const authorFilter = queryFilter(100);

/** The filters of recent changes, from the page's form or the feed's address. */
export const RecentQuerySchema = z.object({
  /** Empty for every namespace, "-" for pages at the top level. */
  namespace: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => (v === "-" ? "" : v || undefined)),
  author: authorFilter,
  hideMinor: z.enum(["1", "on", "true"]).optional().catch(undefined).transform(Boolean),
  before: revisionNumber.optional().catch(undefined),
});

/** Search parameters as a plain object of first values. */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((k) => [k, params.get(k) ?? undefined]) : Object.entries(params).map(([k, v]) => [k, firstParam(v)]);
  return Object.fromEntries(entries);
}

/** Approving or rejecting from the review queue; a rejection must say why. */
export const ReviewSchema = z.object({
  pageId: z.string().min(1).max(300),
  number: revisionNumber,
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(500, "Keep the comment under 500 characters.").default(""),
});

/** The filters of the review queue. */
export const QueueQuerySchema = z.object({
  namespace: queryFilter(200),
  author: authorFilter,
  /** What was just decided, said at the top of the queue: the page, the decision and the revision. */
  reviewed: z.string().min(1).max(300).optional().catch(undefined),
  decision: z.enum(["approve", "reject"]).optional().catch(undefined),
  revision: revisionNumber.optional().catch(undefined),
});
