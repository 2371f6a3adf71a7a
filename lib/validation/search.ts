import { z } from "zod";
import { MAX_SEARCH_LIMIT } from "../search/query";

/** `?q=&namespace=&limit=&cursor=` of a search, from the results page or the HTTP API. */
export const SearchQuerySchema = z.object({
  q: z.string().max(10_000, "Keep the query under 10,000 characters.").default(""),
  namespace: z.string().trim().max(200, "A namespace is at most 200 characters.").optional(),
  limit: z.coerce
    .number({ error: "limit is a whole number." })
    .int("limit is a whole number.")
    .min(1, "limit is at least 1.")
    .max(MAX_SEARCH_LIMIT, `limit is at most ${MAX_SEARCH_LIMIT}.`)
    .default(20),
  cursor: z
    .string()
    .regex(/^\d{1,5}$/, "cursor is the nextCursor of a previous answer.")
    .optional(),
});

/** `?q=` of title suggestions. */
export const SuggestQuerySchema = z.object({ q: z.string().max(1_000, "Keep the text under 1,000 characters.").default("") });
