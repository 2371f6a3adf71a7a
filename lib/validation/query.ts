import { z } from "zod";

/**
 * A text filter from an address (`?q=`, `?namespace=`): trimmed and at most `max` characters;
 * empty, missing or unreadable is no filter (undefined), never an error.
 */
export function queryFilter(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
}
