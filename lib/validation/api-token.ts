/** The lifetimes, in days, an API token may be issued with (or none: until revoked). */
export const TOKEN_LIFETIMES: readonly number[] = [30, 90, 365];
