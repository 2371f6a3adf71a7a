import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { readJson, respond } from "@/lib/http/respond";
import { ReviewSchema } from "@/lib/validation/history";
import { approveRevision, rejectRevision } from "@/lib/wiki/review";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string; number: string }> };

/** Approves or rejects a pending revision: `{ decision: "approve" | "reject", comment }`, reviewers only. */
export async function POST(request: Request, { params }: Context) {
  return respond(async () => {
    const { id, number } = await params;
    const account = await requestAccount(request);
    const body = (await readJson(request, 10_000)) as Record<string, unknown>;
    const { decision, ...review } = ReviewSchema.parse({ ...body, pageId: routeParam(id), number });
    const result = decision === "approve" ? await approveRevision(db, account, review) : await rejectRevision(db, account, review);
    return { body: { decision, from: result.from, to: result.to } };
  });
}
