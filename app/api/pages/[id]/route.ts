import { requestAccount } from "@/lib/auth/request";
import { respond } from "@/lib/http/respond";
import { db } from "@/lib/db";
import { PageQuerySchema, queryObject } from "@/lib/validation/history";
import { exportPageMarkup } from "@/lib/wiki/dokuwiki-export";
import { pageIdOrThrow } from "@/lib/wiki/edit";
import { AppError } from "@/lib/wiki/errors";
import { getRevisionDocument } from "@/lib/wiki/history";
import { assertReadable, mayReadUnapproved } from "@/lib/wiki/review-policy";
import { getLatestRevision } from "@/lib/wiki/revisions";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/**
 * The page's current revision: its document, number and id (the base for the next save); or, with
 * `?format=dokuwiki`, that revision (or `?revision=N`) as DokuWiki markup. Text waiting for review
 * only for those who may read it (the site's setting); others get the revision readers see.
 */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const pageId = pageIdOrThrow(routeParam((await params).id));
    const query = PageQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    const account = await requestAccount(request);
    if (query.format === "dokuwiki") {
      const { markup, pageId: id, number } = await exportPageMarkup(db, account, pageId, query.revision);
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
    let current = { revision: { id: latest.revisionId, number: latest.number }, doc: latest.doc };
    // Those who may not read text waiting for review get the revision readers see.
    if (latest.reviewState !== "approved" && !(await mayReadUnapproved(db, account))) {
      if (!latest.publishedNumber) await assertReadable(db, account, [latest]);
      const { revision, doc } = await getRevisionDocument(db, account, pageId, latest.publishedNumber!);
      current = { revision: { id: revision.id, number: revision.number }, doc };
    }
    return {
      body: { pageId: latest.pageId, title: latest.title, protected: latest.protected, ...current, publishedNumber: latest.publishedNumber },
    };
  });
}
