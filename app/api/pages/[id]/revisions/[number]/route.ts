import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { RevisionNumberSchema } from "@/lib/validation/history";
import { getRevisionDocument } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string; number: string }> };

/** One revision: its place in the history and its document (for text waiting for review, to those who may read it). */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const { id, number } = await params;
    return { body: await getRevisionDocument(db, await requestAccount(request), routeParam(id), RevisionNumberSchema.parse(number)) };
  });
}
