import { db } from "@/lib/db";
import { publicOrigin } from "@/lib/http/origin";
import { queryObject, RecentQuerySchema } from "@/lib/validation/history";
import { revisionsAtom } from "@/lib/wiki/feeds";
import { getRecentChanges } from "@/lib/wiki/recent";

/** Recent changes as an Atom feed, with the same filters as the page. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const { before: _before, ...filter } = RecentQuerySchema.parse(queryObject(url.searchParams));
  const { changes } = await getRecentChanges(db, filter);
  const xml = revisionsAtom({
    origin: publicOrigin(request.headers),
    title: "Palimpsest — recent changes",
    selfPath: `/recent/feed${url.search}`,
    htmlPath: `/recent${url.search}`,
    revisions: changes,
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}
