"use server";

import { redirect } from "next/navigation";
import { type ActionResult, formFields, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mergeSources, updateSource } from "@/lib/wiki/source-records";

/** Saves a source's fields as a new version; the articles citing it show the change. */
export async function updateSourceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { id, ...input } = formFields(form);
  const result = await toActionResult(async () => updateSource(db, await currentAccount(), String(id), input));
  if (!result.ok) return result;
  redirect(`/sources/${encodeURIComponent(String(id))}`);
}

/** Merges this source into another, given that one's address in the library or its id. */
export async function mergeSourceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { id, into } = formFields(form);
  const target =
    String(into ?? "")
      .trim()
      .replace(/\/+$/, "")
      .split("/")
      .pop() ?? "";
  if (!target) return { ok: false, code: "INVALID_INPUT", message: "Give the address or id of the source to keep." };
  const result = await toActionResult(async () => mergeSources(db, await currentAccount(), { from: String(id), into: target }));
  if (!result.ok) return result;
  redirect(`/sources/${encodeURIComponent(target)}`);
}
