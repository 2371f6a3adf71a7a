import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { QueueQuerySchema, queryObject } from "@/lib/validation/history";
import { getReviewQueue } from "@/lib/wiki/review";

/** The review queue: pages with revisions waiting for review, oldest first (`?namespace=`, `?author=`). */
export async function GET(request: Request) {
  return respond(async () => ({ body: { pages: await getReviewQueue(db, QueueQuerySchema.parse(queryObject(new URL(request.url).searchParams))) } }));
}
