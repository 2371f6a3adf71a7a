import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { describeError } from "@/lib/wiki/errors";
import { revisionsAtom } from "@/lib/wiki/feeds";
import { getHistory } from "@/lib/wiki/history";

type Context = { params: Promise<{ id: string }> };

/** One page's history as an Atom feed. */
export async function GET(request: Request, { params }: Context) {
  const url = new URL(request.url);
  try {
    const { page, revisions } = await getHistory(db, decodeURIComponent((await params).id));
    const path = pageHref(page.pageId);
    const xml = revisionsAtom({
      origin: url.origin,
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
