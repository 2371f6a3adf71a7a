import { z } from "zod";
import { countingNumber } from "./numbers";
import { MAX_PAGE_ID_LENGTH } from "../content/page-id";

/** A namespace filter: empty or absent for every namespace, "-" for pages at the top level. */
const namespaceFilter = z
  .string()
  .trim()
  .max(MAX_PAGE_ID_LENGTH)
  .optional()
  .catch(undefined)
  .transform((v) => (v === "-" ? "" : v || undefined));

/** A page id to start a page of an index at; anything unusable starts at the beginning. */
const fromPageId = z.string().min(1).max(MAX_PAGE_ID_LENGTH).optional().catch(undefined);

/** `?namespace=&from=` of All pages and Orphaned pages. */
export const PageIndexQuerySchema = z.object({ namespace: namespaceFilter, from: fromPageId });

/** `?namespace=&links=&from=` of Wanted pages: the next page starts at `from` among ids with `links` links. */
export const WantedPagesQuerySchema = z.object({
  namespace: namespaceFilter,
  links: countingNumber("link").optional().catch(undefined),
  from: fromPageId,
});

export type PageIndexQuery = z.infer<typeof PageIndexQuerySchema>;
