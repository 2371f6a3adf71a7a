import { revalidatePath } from "next/cache";
import { type DbOrTx, db as appDb } from "../db";
import { pageHref } from "../content/page-id";
import { pagesShowingMedia } from "../wiki/articles";
import { publishInvalidation, stalePaths } from "./invalidation";
import { pageCache } from "./page-cache";

/**
 * Drops the cached renderings a change to a page makes stale (see `stalePaths`), here and on every
 * other server, and the home page's when the page came into being or went away.
 */
export async function revalidateArticle(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<void> {
  if (existenceChanged) revalidatePath("/");
  await dropRenderings(db, await stalePaths(db, pageId, { existenceChanged }));
}

/** Drops the cached renderings of the pages showing a file, after a new version (or the first) of it. */
export async function revalidateMedia(db: DbOrTx, name: string): Promise<void> {
  await dropRenderings(
    db,
    (await pagesShowingMedia(db, name)).map((id) => pageHref(id)),
  );
}

async function dropRenderings(db: DbOrTx, paths: string[]): Promise<void> {
  for (const path of paths) revalidatePath(path);
  pageCache().invalidate(paths);
  await publishInvalidation(db, paths);
}

/** Drops every cached rendering, for changes that show on every page (the citation style). */
export async function revalidateEverything(): Promise<void> {
  revalidatePath("/", "layout");
  pageCache().clear();
  await publishInvalidation(appDb, "all");
}
