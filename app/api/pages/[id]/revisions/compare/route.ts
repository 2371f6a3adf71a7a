import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { DiffQuerySchema, queryObject } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { compareRevisions } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** The differences between two revisions, `?from=<n>&to=<n>`: blocks with word changes, moves, and References. */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const query = DiffQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
    if (!query.success || !query.data.from || !query.data.to) throw new AppError("INVALID_INPUT", "Give two revision numbers: ?from=<n>&to=<n>.");
    const { page, from, to, diff, sources, numbers } = await compareRevisions(db, await requestAccount(request), routeParam((await params).id), query.data.from, query.data.to);
    return {
      body: {
        page,
        from,
        to,
        diff,
        sources: Object.fromEntries(sources),
        citationNumbers: { from: Object.fromEntries(numbers.from), to: Object.fromEntries(numbers.to) },
      },
    };
  });
}
