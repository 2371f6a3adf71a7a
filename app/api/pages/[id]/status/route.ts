import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { getPageHeaderOrThrow } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** Which revision is the latest and which readers see: the article's notice of pending changes asks here. */
export async function GET(_request: Request, { params }: Context) {
  return respond(async () => {
    const { pageId, latestNumber, publishedNumber } = await getPageHeaderOrThrow(db, routeParam((await params).id));
    return { body: { pageId, latestNumber, publishedNumber } };
  });
}
