import { type Db, type DbOrTx, dbKind, type Tx } from "../db";
import { transaction } from "../db/transaction";
import { pageHref } from "../content/page-id";
import { pagesLinkingTo, pagesShowingMedia, redirectsTo } from "../wiki/stale-pages";
import { readerClasses } from "../auth/reader-class";
import { accountEntry, CHANNEL, encode, type Invalidation, MAX_PAYLOAD, splitInvalidation } from "./invalidation-feed";
import { pageCache } from "./page-cache";

/** How long SQLite keeps the log: longer than any server takes to read it. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * The paths whose renderings a change to a page makes stale: the page itself, the redirects that
 * show it and, when the page came into being or went away (its links elsewhere change between
 * "missing" and not), every page linking to it.
 */
export async function stalePaths(db: DbOrTx, pageId: string, { existenceChanged = false } = {}): Promise<string[]> {
  // One after the other: inside a transaction, PostgreSQL's connection takes one query at a time.
  const redirects = await redirectsTo(db, pageId);
  const linking = existenceChanged ? await pagesLinkingTo(db, pageId) : [];
  return [pageId, ...redirects, ...linking].map((id) => pageHref(id));
}

/** What a change made stale, gathered while its transaction runs (see `changeTransaction`). */
export class StaleRenderings {
  private pageIds = new Map<string, boolean>();
  private mediaNames = new Set<string>();
  private accountIds = new Set<string>();
  private all = false;

  /** A page whose rendering changed; when it came into being or went away, the pages linking to it too. */
  page(pageId: string, { existenceChanged = false } = {}): void {
    this.pageIds.set(pageId, (this.pageIds.get(pageId) ?? false) || existenceChanged);
  }

  /** A file with a new version: the pages showing it. */
  media(name: string): void {
    this.mediaNames.add(name);
  }

  /** Something every page shows (the citation style). */
  everything(): void {
    this.all = true;
  }

  /**
   * An account whose role, block or sessions changed: pages kept per reader class must not be
   * served to it under its old class.
   */
  account(id: string): void {
    this.accountIds.add(id);
  }

  /** The paths (and accounts) these make stale, as the transaction sees them. */
  async paths(db: DbOrTx): Promise<Invalidation> {
    if (this.all) return "all";
    const paths = new Set<string>([...this.accountIds].map(accountEntry));
    for (const [pageId, existenceChanged] of this.pageIds) for (const path of await stalePaths(db, pageId, { existenceChanged })) paths.add(path);
    for (const name of this.mediaNames) for (const pageId of await pagesShowingMedia(db, name)) paths.add(pageHref(pageId));
    return [...paths];
  }
}

/**
 * Runs a change to what readers see as one transaction (see `transaction`), and announces what it
 * made stale, in one place for every service: to every server from inside the transaction (a
 * notification PostgreSQL sends once the change is committed, a row SQLite commits with it; a
 * change rolled back announces nothing), and to this server's cache once committed.
 */
export async function changeTransaction<T>(db: Db, work: (tx: Tx, stale: StaleRenderings) => Promise<T>): Promise<T> {
  let announced = [] as Invalidation;
  const result = await transaction(db, async (tx) => {
    const stale = new StaleRenderings();
    const value = await work(tx, stale);
    announced = await stale.paths(tx);
    await publishInvalidation(tx, announced);
    return value;
  });
  await applyInvalidation(announced);
  return result;
}

/**
 * Drops what an invalidation names from this process's caches: the pages (shared ones first) and
 * what is known of the accounts' reader classes. Servers apply what they hear of other processes'
 * changes with it, and `changeTransaction` its own.
 */
export async function applyInvalidation(entries: Invalidation): Promise<void> {
  if (entries === "all") {
    readerClasses().forget("all");
    await pageCache().clear();
    return;
  }
  const { paths, accounts } = splitInvalidation(entries);
  if (accounts.length) readerClasses().forget(accounts);
  if (paths.length) await pageCache().invalidate(paths);
}

/**
 * Drops what this server (`id`) may have missed while it did not hear invalidations: everything
 * it knows, and the shared pages unless another server heard everything meanwhile.
 */
export async function forgetUnheard(id: string): Promise<void> {
  readerClasses().forget("all");
  await pageCache().forgetUnheard(id);
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
