import { z } from "zod";

/** The largest value of the databases' `Int` columns (ids, revision and version numbers). */
export const MAX_DB_INT = 2_147_483_647;

/**
 * A number counted from 1 that a database column holds (a revision or version number, a count of
 * links), from an address or a form: "revision" gives "A revision number is a whole number." and
 * "No revision has that number." as its messages.
 */
export function countingNumber(thing: string) {
  const whole = `A ${thing} number is a whole number.`;
  return z.coerce
    .number({ error: whole })
    .int(whole)
    .positive(`${thing[0].toUpperCase()}${thing.slice(1)} numbers start at 1.`)
    .max(MAX_DB_INT, `No ${thing} has that number.`);
}

/** The id of a database row given in a JSON body, where a number must already be a number. */
export const rowId = z.number().int().positive().max(MAX_DB_INT);
