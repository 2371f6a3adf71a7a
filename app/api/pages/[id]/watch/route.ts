import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { isWatching, setWatching } from "@/lib/wiki/watch";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

const pageIdOf = async (context: Context) => routeParam((await context.params).id);

/** Whether the caller watches this page. */
export async function GET(request: Request, context: Context) {
  return respond(async () => {
    return { body: { watching: await isWatching(db, await requestAccount(request), await pageIdOf(context)) } };
  });
}

/** Starts watching the page. */
export async function PUT(request: Request, context: Context) {
  return respond(async () => ({ body: { watching: await setWatching(db, await requestAccount(request), await pageIdOf(context), true) } }));
}

/** Stops watching the page. */
export async function DELETE(request: Request, context: Context) {
  return respond(async () => ({ body: { watching: await setWatching(db, await requestAccount(request), await pageIdOf(context), false) } }));
}
