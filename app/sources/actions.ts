"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/wiki/errors";
import { importSources } from "@/lib/wiki/source-import";

const FormatSchema = z.enum(["bibtex", "ris", "csl-json"], { error: "Choose the file's format." });

/** Imports a pasted or uploaded BibTeX, RIS or CSL-JSON file into the library. */
export async function importSourcesAction(
  _previous: ActionResult<{ added: number; existing: number }> | null,
  form: FormData,
): Promise<ActionResult<{ added: number; existing: number }>> {
  const result = await toActionResult(async () => {
    const format = FormatSchema.safeParse(form.get("format"));
    if (!format.success) throw new AppError("INVALID_INPUT", format.error.issues[0].message);
    const file = form.get("file");
    const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get("text") ?? "");
    if (!text.trim()) throw new AppError("INVALID_INPUT", "Paste the entries or choose a file.");
    return importSources(db, await currentAccount(), { text, format: format.data });
  });
  revalidatePath("/sources");
  return result;
}
