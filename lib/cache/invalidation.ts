import { type DbOrTx, dbKind } from "../db";
import { pageHref } from "../content/page-id";
import { pagesLinkingTo, redirectsTo } from "../wiki/articles";
import { readerClasses } from "../auth/reader-class";
import { accountEntry, CHANNEL, encode, type Invalidation, MAX_PAYLOAD } from "./invalidation-feed";

/** How long SQLite keeps the log: longer than any server takes to read it. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * The paths whose renderings a change to a page makes stale: the page itself, the redirects that
 * show it and, when the page came into being or went away (its links elsewhere change between
 * "missing" and not), every page linking to it.
 */
export async function stalePaths(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<string[]> {
  const [redirects, linking] = await Promise.all([redirectsTo(db, pageId), existenceChanged ? pagesLinkingTo(db, pageId) : []]);
  return [pageId, ...redirects, ...linking].map((id) => pageHref(id));
}

/** Tells every running server, this one included, to drop these renderings. */
export async function publishInvalidation(db: DbOrTx, paths: Invalidation): Promise<void> {
  if (paths !== "all" && !paths.length) return;
  if (dbKind(db) === "postgres") {
    const payload = Buffer.byteLength(encode(paths)) > MAX_PAYLOAD ? "*" : encode(paths);
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
    return;
  }
  const { id } = await db.cacheInvalidation.create({ data: { paths: encode(paths) }, select: { id: true } });
  if (id % 100 === 0) await db.cacheInvalidation.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
}

/**
 * Tells every running server, this one at once, that an account's role, block or sessions changed,
 * so that pages kept per reader class are never served to it under its old class.
 */
export async function announceAccountChange(db: DbOrTx, id: string): Promise<void> {
  readerClasses().forget([id]);
  await publishInvalidation(db, [accountEntry(id)]);
}
