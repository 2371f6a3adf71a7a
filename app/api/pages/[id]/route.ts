import { respond } from "@/lib/http/respond";
import { db } from "@/lib/db";
import { PageQuerySchema, queryObject } from "@/lib/validation/history";
import { exportPageMarkup } from "@/lib/wiki/dokuwiki-export";
import { pageIdOrThrow } from "@/lib/wiki/edit";
import { AppError } from "@/lib/wiki/errors";
import { getLatestRevision } from "@/lib/wiki/revisions";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/**
 * The page's current revision: its document, number and id (the base for the next save); or, with
 * `?format=dokuwiki`, that revision (or `?revision=N`) as DokuWiki markup.
 */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const pageId = pageIdOrThrow(routeParam((await params).id));
    const query = PageQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    if (query.format === "dokuwiki") {
      const { markup, pageId: id, number } = await exportPageMarkup(db, pageId, query.revision);
      return new Response(markup, {
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "Content-Disposition": `inline; filename="${id.replace(/:/g, "_")}.txt"`,
          "X-Revision": String(number),
          "Cache-Control": "no-store",
        },
      });
    }
    const latest = await getLatestRevision(db, pageId);
    if (!latest) throw new AppError("NOT_FOUND", `There is no page "${pageId}".`);
    return {
      body: {
        pageId: latest.pageId,
        title: latest.title,
        protected: latest.protected,
        revision: { id: latest.revisionId, number: latest.number },
        publishedNumber: latest.publishedNumber,
        doc: latest.doc,
      },
    };
  });
}
