import { z } from "zod";

/** Longest DOI or address a look-up accepts. */
export const MAX_LOOKUP_QUERY_LENGTH = 2000;

/** A source look-up: a DOI (bare, `doi:…` or a doi.org address) or a web address, in one field. */
export const SourceLookupSchema = z.object({
  query: z
    .string({ error: "Enter a DOI or a web address." })
    .trim()
    .min(1, "Enter a DOI or a web address.")
    .max(MAX_LOOKUP_QUERY_LENGTH, `A DOI or web address is at most ${MAX_LOOKUP_QUERY_LENGTH} characters.`),
});
export type SourceLookupInput = z.input<typeof SourceLookupSchema>;
