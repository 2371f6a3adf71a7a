export type AppErrorCode = "NOT_FOUND" | "INVALID_INPUT" | "FORBIDDEN" | "CONFLICT" | "UNAUTHENTICATED" | "RATE_LIMITED" | "UNAVAILABLE";

/** An error a user can be shown: a code for programs and a sentence for people. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
