import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { readJson, respond } from "@/lib/http/respond";
import { revertMedia } from "@/lib/wiki/media";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ name: string }> };

/** `{ number, summary }`: shows that version again, as a new version; editors only. 409 when it is what the file shows. */
export async function POST(request: Request, { params }: Context) {
  return respond(async () => {
    const account = await requestAccount(request);
    const body = await readJson(request, 10_000);
    const name = routeParam((await params).name);
    const input = typeof body === "object" && body !== null ? { ...body, name } : { name };
    const result = await revertMedia(db, account, input);
    return { status: 201, body: result };
  });
}
