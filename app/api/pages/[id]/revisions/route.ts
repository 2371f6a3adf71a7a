import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { readJson, respond } from "@/lib/http/respond";
import { MAX_DOCUMENT_BYTES } from "@/lib/validation/document";
import { HistoryQuerySchema, queryObject } from "@/lib/validation/history";
import { ApiSaveRevisionSchema } from "@/lib/validation/revision";
import { pageIdOrThrow, savePageEdit } from "@/lib/wiki/edit";
import { AppError } from "@/lib/wiki/errors";
import { getHistory } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** A page of the page's history, newest first: `?before=<number>` for older ones. */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const { before } = HistoryQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    return { body: await getHistory(db, routeParam((await params).id), { before }) };
  });
}

/**
 * Saves a revision: `{ doc, summary, minor, baseRevisionId }`, by session or bearer token. 201 with
 * the new revision, 200 when nothing changed, 409 with the newer revision and the disputed passages.
 */
export async function POST(request: Request, { params }: Context) {
  return respond(async () => {
    const pageId = pageIdOrThrow(routeParam((await params).id));
    const account = await requestAccount(request);
    const input = ApiSaveRevisionSchema.safeParse(await readJson(request, MAX_DOCUMENT_BYTES * 2));
    if (!input.success) {
      throw new AppError(
        "INVALID_INPUT",
        input.error.issues
          .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
          .slice(0, 5)
          .join("; "),
      );
    }
    const saved = await savePageEdit(db, account, { pageId, ...input.data });
    if (saved.status === "unchanged") return { body: { status: "unchanged", revision: { id: saved.revisionId, number: saved.number } } };
    return { status: 201, body: { status: "created", merged: saved.merged, pending: saved.pending, revision: { id: saved.revisionId, number: saved.number } } };
  });
}
