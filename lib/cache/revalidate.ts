import { revalidatePath } from "next/cache";
import { pageHref } from "../content/page-id";
import type { DbOrTx } from "../db";
import { pagesLinkingTo } from "../wiki/articles";
import { pageCache } from "./page-cache";

/**
 * Drops the cached renderings a publication makes stale: the page itself and, when the page came
 * into being (its links elsewhere stop being "missing"), every page linking to it and the home page.
 */
export async function revalidateArticle(db: DbOrTx, pageId: string, { pageCreated = false } = {}): Promise<void> {
  const ids = [pageId, ...(pageCreated ? await pagesLinkingTo(db, pageId) : [])];
  const paths = ids.map((id) => pageHref(id));
  for (const path of paths) revalidatePath(path);
  if (pageCreated) revalidatePath("/");
  pageCache().invalidate(paths);
}
