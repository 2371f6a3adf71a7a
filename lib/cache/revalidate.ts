import { revalidatePath } from "next/cache";
import { pageHref } from "../content/page-id";
import type { DbOrTx } from "../db";
import { pagesLinkingTo, redirectsTo } from "../wiki/articles";
import { pageCache } from "./page-cache";

/**
 * Drops the cached renderings a change to a page makes stale: the page itself, the redirects that
 * show it and, when the page came into being or went away (its links elsewhere change between
 * "missing" and not), every page linking to it and the home page.
 */
export async function revalidateArticle(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<void> {
  const [redirects, linking] = await Promise.all([redirectsTo(db, pageId), existenceChanged ? pagesLinkingTo(db, pageId) : []]);
  const paths = [pageId, ...redirects, ...linking].map((id) => pageHref(id));
  for (const path of paths) revalidatePath(path);
  if (existenceChanged) revalidatePath("/");
  pageCache().invalidate(paths);
}

/** Drops every cached rendering, for changes that show on every page (the citation style). */
export function revalidateEverything(): void {
  revalidatePath("/", "layout");
  pageCache().clear();
}
