"use server";

import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { lookupSource, type SourceLookup } from "@/lib/wiki/source-lookup";

/** Looks a source up from a DOI or web address for the editor's citation form. */
export async function lookupSourceAction(query: string): Promise<ActionResult<SourceLookup>> {
  return toActionResult(async () => lookupSource(db, await currentAccount(), { query }));
}
