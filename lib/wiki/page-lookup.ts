import type { DbOrTx, Prisma } from "../db";
import { AppError } from "./errors";

// Finding a page by its id, in the states a caller accepts: the one existence check of lib/wiki.

/** What a lookup takes beside a live page with a saved revision. */
export interface PageStates {
  /** Only a page readers can read: one with a published revision. */
  published?: boolean;
  /** A deleted page too (its history stays for those who may restore it), or "only" a deleted page. */
  deleted?: boolean | "only";
  /** A redirect left by a rename stands for the page it points to (followed once). */
  followRedirect?: boolean;
}

/** What every lookup reads to tell a page's state. */
const STATE_SELECT = { slug: true, deletedAt: true, redirectTo: true, latestRevisionId: true, publishedRevisionId: true } as const;

type PageState = Prisma.PageGetPayload<{ select: typeof STATE_SELECT }>;

type Selected<S extends Prisma.PageSelect> = Prisma.PageGetPayload<{ select: S }> & PageState;

/** A page as selected, with its state, and the redirect's id when one was followed to it. */
export type FoundPage<S extends Prisma.PageSelect> = Selected<S> & { redirectedFrom: string | null };

/** The page at `slug` with the fields of `select`, or null when it is in no state `states` accepts. */
export async function findPage<S extends Prisma.PageSelect>(db: DbOrTx, slug: string, select: S, states: PageStates = {}): Promise<FoundPage<S> | null> {
  const find = (at: string) => db.page.findUnique({ where: { slug: at }, select: { ...select, ...STATE_SELECT } }) as Promise<Selected<S> | null>;
  let page = await find(slug);
  let redirectedFrom: string | null = null;
  // A redirect never has revisions of its own: the page it points to has them.
  if (page?.redirectTo && !page.deletedAt && states.followRedirect) {
    redirectedFrom = page.slug;
    page = await find(page.redirectTo);
  }
  if (!page || (page.deletedAt ? !states.deleted : states.deleted === "only")) return null;
  if (!(states.published ? page.publishedRevisionId : page.latestRevisionId)) return null;
  return { ...page, redirectedFrom };
}

/** {@link findPage}, refusing with NOT_FOUND when there is no such page. */
export async function findPageOrThrow<S extends Prisma.PageSelect>(db: DbOrTx, slug: string, select: S, states: PageStates = {}): Promise<FoundPage<S>> {
  const page = await findPage(db, slug, select, states);
  if (!page) throw new AppError("NOT_FOUND", `There is no ${states.deleted === "only" ? "deleted " : ""}page "${slug.slice(0, 80)}".`);
  return page;
}
