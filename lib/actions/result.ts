import { AppError, describeError } from "../wiki/errors";

/** What a server action returns to a form: never a thrown error. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/** Runs an action body, turning errors into a result a form can show (and nothing internal). */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (!(error instanceof AppError)) console.error(error);
    const { code, message } = describeError(error);
    const fieldErrors = error instanceof AppError ? (error.details?.fieldErrors as Record<string, string> | undefined) : undefined;
    return { ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
}
