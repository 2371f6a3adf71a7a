import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors";

export { AppError, type AppErrorCode };

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  // Another service this one depends on (a DOI resolver, a cited site) failed or could not be reached.
  UNAVAILABLE: 502,
};

/** The HTTP status and safe message for any error; unexpected ones never leak their text. */
export function describeError(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof AppError) return { status: STATUS[error.code], code: error.code, message: error.message };
  // A schema's refusal of input is written for people already.
  if (error instanceof ZodError)
    return {
      status: 400,
      code: "INVALID_INPUT",
      message: error.issues
        .map((i) => i.message)
        .slice(0, 3)
        .join(" "),
    };
  return { status: 500, code: "INTERNAL", message: "Something went wrong on our side; nothing was changed." };
}
