/** The largest value of the databases' `Int` columns (ids, revision and version numbers). */
export const MAX_DB_INT = 2_147_483_647;
