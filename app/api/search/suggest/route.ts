import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { queryObject } from "@/lib/validation/history";
import { SuggestQuerySchema } from "@/lib/validation/search";
import { suggestTitles } from "@/lib/wiki/search";

/** Page titles for the search box as one types: `?q=`. */
export async function GET(request: Request) {
  return respond(async () => {
    const { q } = SuggestQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    return { body: { suggestions: await suggestTitles(db, q) } };
  });
}
