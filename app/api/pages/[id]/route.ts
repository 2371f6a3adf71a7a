import { respond } from "@/lib/http/respond";
import { db } from "@/lib/db";
import { pageIdOrThrow } from "@/lib/wiki/edit";
import { AppError } from "@/lib/wiki/errors";
import { getLatestRevision } from "@/lib/wiki/revisions";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** The page's current revision: its document, number and id (the base for the next save). */
export async function GET(_request: Request, { params }: Context) {
  return respond(async () => {
    const pageId = pageIdOrThrow(routeParam((await params).id));
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
