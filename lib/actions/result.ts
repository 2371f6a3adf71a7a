import type { z } from "zod";
import { AppError, describeError } from "../wiki/errors";

/** What a server action returns to a form: never a thrown error. */
export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/** Runs an action body, turning errors into a result a form can show (and nothing internal). */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    const described = describeError(error);
    if (described.status >= 500) console.error(error);
    const { code, message } = described;
    const fieldErrors = error instanceof AppError ? (error.details?.fieldErrors as Record<string, string> | undefined) : undefined;
    return { ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
}

/** A form's fields as an object, React's own `$ACTION_…` fields left out. */
export function formFields(form: FormData): Record<string, FormDataEntryValue> {
  // NUL characters, which no text stored here may hold, are dropped (no form control types them).
  return Object.fromEntries([...form].filter(([key]) => !key.startsWith("$")).map(([key, value]) => [key, typeof value === "string" ? value.replaceAll("\0", "") : value]));
}

/** A form's fields checked against a schema. */
export function parseForm<T extends z.ZodType>(schema: T, form: FormData): { ok: true; data: z.output<T> } | { ok: false; code: string; message: string } {
  const parsed = schema.safeParse(formFields(form));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: "INVALID_INPUT", message: parsed.error.issues[0].message };
}
