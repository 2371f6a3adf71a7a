import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { queryObject } from "@/lib/validation/history";
import { SearchQuerySchema } from "@/lib/validation/search";
import { searchPages } from "@/lib/wiki/search";

/** Full-text search: `?q=&namespace=&limit=&cursor=`; reviewers also find text waiting for review. */
export async function GET(request: Request) {
  return respond(async () => {
    const query = SearchQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    return { body: await searchPages(db, await requestAccount(request), query) };
  });
}
