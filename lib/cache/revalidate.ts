import { revalidatePath } from "next/cache";
import { type DbOrTx, db as appDb } from "../db";
import { publishInvalidation, stalePaths } from "./invalidation";
import { pageCache } from "./page-cache";

/**
 * Drops the cached renderings a change to a page makes stale (see `stalePaths`), here and on every
 * other server, and the home page's when the page came into being or went away.
 */
export async function revalidateArticle(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<void> {
  const paths = await stalePaths(db, pageId, { existenceChanged });
  for (const path of paths) revalidatePath(path);
  if (existenceChanged) revalidatePath("/");
  pageCache().invalidate(paths);
  await publishInvalidation(db, paths);
}

/** Drops every cached rendering, for changes that show on every page (the citation style). */
export async function revalidateEverything(): Promise<void> {
  revalidatePath("/", "layout");
  pageCache().clear();
  await publishInvalidation(appDb, "all");
}
