import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { publicOrigin } from "@/lib/http/origin";
import { describeError } from "@/lib/wiki/errors";
import { revisionsAtom } from "@/lib/wiki/feeds";
import { getHistory } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** One page's history as an Atom feed. */
export async function GET(request: Request, { params }: Context) {
  try {
    const { page, revisions } = await getHistory(db, routeParam((await params).id));
    const path = pageHref(page.pageId);
    const xml = revisionsAtom({
      origin: publicOrigin(request.headers),
      title: `${page.title} — history`,
      selfPath: `${path}/history/feed`,
      htmlPath: `${path}/history`,
      revisions: revisions.map((r) => ({ ...r, pageId: page.pageId, title: page.title })),
    });
    return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    const { status, message } = describeError(error);
    return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
