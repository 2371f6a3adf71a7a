import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { readJson, respond } from "@/lib/http/respond";
import { lookupSource } from "@/lib/wiki/source-lookup";

/**
 * Looks a source up from `{ query }`, a DOI or a web address, by session or bearer token: 200 with
 * `{ fields, via }` to fill in a source form; 502 when the resolver or the site could not be reached.
 */
export async function POST(request: Request) {
  return respond(async () => {
    const account = await requestAccount(request);
    return { body: await lookupSource(db, account, await readJson(request, 10_000)) };
  });
}
