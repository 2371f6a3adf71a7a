import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type ImportWarning, MAX_IMPORT_BYTES, parseDokuWiki } from "../content/dokuwiki";
import { type Change, parseChanges } from "../content/dokuwiki-changes";
import { mapCitationSources } from "../content/document";
import { parseInterwikiMap } from "../content/interwiki";
import { titleFromPageId } from "../content/page-id";
import type { Db, DbOrTx } from "../db";
import { transaction } from "../db/transaction";
import type { MediaServices } from "../media";
import { accountNameKey } from "../validation/account";
import { AppError, describeError } from "./errors";
import { importMediaFile } from "./media";
import { listMediaFolder, mediaNameFromPath } from "./media-import";
import { appendImportedRevisions, type ImportedRevision } from "./revisions";
import { getSiteSetting } from "./settings";
import { settleAfterBulkChange } from "./search";
import { resolveImportedSources } from "./sources";
import { ensureSystemUser } from "./users";

/** What a whole-site import did. */
export interface SiteImportReport {
  /** Pages read from `pages/`. */
  pages: number;
  /** Revisions written (old versions and current texts not imported before). */
  revisions: number;
  /** Sources the library gained. */
  sources: number;
  /** Files new or changed in the media library. */
  files: number;
  /** What was not imported as written, per file (the current text of each page), and files refused. */
  warnings: { file: string; warning: ImportWarning }[];
}

/** One version of a page found in the DokuWiki folder. */
interface FoundVersion {
  /** Seconds since 1970, DokuWiki's revision id. */
  time: number;
  read: () => Promise<string>;
  author: string;
  summary: string;
  minor: boolean;
  revert: boolean;
}

/** A change recorded in `meta/*.changes`: DokuWiki's tab-separated log of a page's revisions. */
/**
 * Imports a DokuWiki `data` folder: every page in `pages/` (namespaces are folders) with its history
 * from `attic/`, each old version a revision with its original date, author and summary from
 * `meta/*.changes`, and the files of `media/`. DokuWiki's users become accounts without a password,
 * which cannot sign in until claimed. Running it again imports only what is newer than what each
 * page holds. A page's history is written in one transaction.
 */
export async function importSite(
  db: Db,
  media: MediaServices,
  dir: string,
  { siteUrl, onProgress = () => {} }: { siteUrl?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<SiteImportReport> {
  const pagesDir = path.join(dir, "pages");
  if (!(await isDirectory(pagesDir))) throw new AppError("INVALID_INPUT", `${dir} is not a DokuWiki data folder: it has no pages/ folder.`);
  const files = (await readdir(pagesDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith(".txt"))
    .map((entry) => path.relative(pagesDir, path.join(entry.parentPath, entry.name)))
    .sort();
  const report: SiteImportReport = { pages: 0, revisions: 0, sources: 0, files: 0, warnings: [] };
  const sourcesBefore = await db.source.count();
  const interwiki = parseInterwikiMap(await getSiteSetting(db, "interwiki"));
  const pageIds = files.map((file) => mediaNameFromPath(file.replace(/\.txt$/, "")));

  // Link labels show the titles of the pages they link to, which come from the whole site.
  const current = new Map<string, { text: string; time: number }>();
  const pageTitles = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    const full = path.join(pagesDir, file);
    const { size, mtimeMs } = await stat(full);
    if (size > MAX_IMPORT_BYTES) continue;
    const text = await readFile(full, "utf8");
    current.set(pageIds[index], { text, time: Math.floor(mtimeMs / 1000) });
    const title = /^\s*={6}\s*(.*?)\s*={6}\s*$/m.exec(text.slice(0, 2000))?.[1];
    if (title) pageTitles.set(pageIds[index], title);
  }

  const attic = await atticIndex(path.join(dir, "attic"));
  const authors = new Map<string, string>();
  // Library ids of the sources met so far: most footnotes cite what other pages cite.
  const sourceIds = new Map<string, string>();
  const systemId = await ensureSystemUser(db);
  for (const [index, file] of files.entries()) {
    const pageId = pageIds[index];
    const page = current.get(pageId);
    if (!page) {
      report.warnings.push({
        file: `pages/${file}`,
        warning: { line: 1, construct: file, message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; it was not imported` },
      });
      continue;
    }
    const history = await pageHistory(dir, file, page, attic.get(file.replace(/\.txt$/, "")) ?? []);
    const latest = await db.page.findUnique({ where: { slug: pageId }, select: { latestRevision: { select: { createdAt: true } } } });
    const since = latest?.latestRevision ? Math.floor(latest.latestRevision.createdAt.getTime() / 1000) : -1;
    const newer = history.filter((version) => version.time > since);
    const options = { pageId, interwiki, pageTitles, siteUrl };
    // Sources and accounts made for this page join the caches once its transaction is committed.
    const fresh = { sources: new Map<string, string>(), authors: new Map<string, string>() };
    const written = await transaction(db, async (tx) => {
      // A retried attempt starts afresh: what the failed one made was rolled back.
      fresh.sources.clear();
      fresh.authors.clear();
      const sourceId = (key: string) => sourceIds.get(key) ?? fresh.sources.get(key);
      const revisions: ImportedRevision[] = [];
      let title = titleFromPageId(pageId);
      for (const version of newer) {
        let article;
        try {
          article = parseDokuWiki(await version.read(), options);
        } catch (error) {
          report.warnings.push({
            file: `attic/${file}`,
            warning: { line: 1, construct: String(version.time), message: `this version could not be read (${(error as Error).message}); it was left out` },
          });
          continue;
        }
        const unknown = article.sources.filter((source) => !sourceId(source.key));
        if (unknown.length) for (const [key, id] of await resolveImportedSources(tx, unknown)) fresh.sources.set(key, id);
        title = article.title ?? titleFromPageId(pageId);
        revisions.push({
          doc: mapCitationSources(article.doc, (key) => sourceId(key) ?? key),
          authorId: version.author ? (authors.get(version.author) ?? (await authorAccount(tx, fresh.authors, version.author))) : systemId,
          summary: version.summary,
          minor: version.minor,
          action: version.revert ? "revert" : "edit",
          createdAt: new Date(version.time * 1000),
        });
      }
      return revisions.length ? appendImportedRevisions(tx, { pageId, title, revisions }) : 0;
    });
    for (const [key, id] of fresh.sources) sourceIds.set(key, id);
    for (const [name, id] of fresh.authors) authors.set(name, id);
    report.revisions += written;
    if (newer.length) {
      for (const warning of parseDokuWiki(page.text, options).warnings) report.warnings.push({ file: `pages/${file}`, warning });
    }
    report.pages++;
    onProgress(index + 1, files.length);
  }

  report.files = await importMediaHistory(db, media, dir, authors, report.warnings);
  report.sources = (await db.source.count()) - sourcesBefore;
  await settleAfterBulkChange(db);
  return report;
}

/**
 * The files of `media/` with their history: each old version in `media_attic/` (`name.<time>.ext`),
 * oldest first, with its date, uploader and summary from `media_meta/<file>.changes`, then the
 * current file. Versions no newer than a file's newest version here are left alone, and bytes equal
 * to the current version's make none, so a second run adds nothing. Returns how many files gained
 * a version; refused files are reported.
 */
async function importMediaHistory(db: Db, media: MediaServices, dir: string, authors: Map<string, string>, warnings: SiteImportReport["warnings"]): Promise<number> {
  const versions = new Map<string, { time: number; file: string; relative: string }[]>();
  const add = (relative: string, time: number, file: string) => {
    const list = versions.get(relative) ?? [];
    list.push({ time, file, relative });
    versions.set(relative, list);
  };
  for (const [kind, pattern] of [
    ["media_attic", /^(.+)\.(\d+)(\.[^.]+)$/],
    ["media", null],
  ] as const) {
    const root = path.join(dir, kind);
    if (!(await isDirectory(root))) continue;
    for (const relative of await listMediaFolder(root)) {
      const file = path.join(root, relative);
      if (!pattern) {
        add(relative, Math.floor((await stat(file)).mtimeMs / 1000), file);
        continue;
      }
      const match = pattern.exec(path.basename(relative));
      if (match) add(path.join(path.dirname(relative), `${match[1]}${match[3]}`), Number(match[2]), file);
    }
  }
  let changed = 0;
  for (const [relative, list] of versions) {
    const name = mediaNameFromPath(relative);
    const changes = new Map((await readChanges(path.join(dir, "media_meta", `${relative}.changes`))).map((change) => [change.time, change]));
    const newest = await db.mediaVersion.findFirst({ where: { media: { name } }, orderBy: { number: "desc" }, select: { createdAt: true } });
    const since = newest ? Math.floor(newest.createdAt.getTime() / 1000) : -1;
    let gained = false;
    for (const version of list.sort((a, b) => a.time - b.time).filter((v) => v.time > since)) {
      const change = changes.get(version.time);
      try {
        const { size } = await stat(version.file);
        if (size > media.limits.maxBytes) throw new AppError("INVALID_INPUT", `The file is larger than the limit of ${Math.round(media.limits.maxBytes / 1024 / 1024)} MB.`);
        const result = await importMediaFile(db, media, {
          bytes: await readFile(version.file),
          fields: { name, summary: change?.summary || "Imported from DokuWiki" },
          authorId: change?.user ? await authorAccount(db, authors, change.user) : undefined,
          createdAt: new Date(version.time * 1000),
        });
        gained ||= result.changed;
      } catch (error) {
        warnings.push({ file: path.relative(dir, version.file), warning: { line: 1, construct: name, message: `${describeError(error).message} This version was left out.` } });
      }
    }
    if (gained) changed++;
  }
  return changed;
}

/**
 * A page's versions, oldest first: each in `attic/` (gzipped or plain), described by its line in
 * `meta/<page>.changes`, then the current text when it differs from the newest of them (older
 * DokuWikis keep the current text only in `pages/`).
 */
async function pageHistory(dir: string, file: string, page: { text: string; time: number }, attic: AtticFile[]): Promise<FoundVersion[]> {
  const relative = file.replace(/\.txt$/, "");
  const changes = new Map((await readChanges(path.join(dir, "meta", `${relative}.changes`))).map((change) => [change.time, change]));
  const describe = (time: number, read: () => Promise<string>): FoundVersion => {
    const change = changes.get(time);
    return { time, read, author: change?.user ?? "", summary: change?.summary ?? "", minor: change?.type === "e", revert: change?.type === "R" };
  };
  const versions = attic.map((old) =>
    describe(old.time, async () => {
      const bytes = await readFile(old.file);
      return (old.gzipped ? gunzipSync(bytes, { maxOutputLength: MAX_IMPORT_BYTES + 1 }) : bytes).toString("utf8");
    }),
  );
  versions.sort((a, b) => a.time - b.time);
  const newest = versions.at(-1);
  if (!newest || (await newest.read()) !== page.text) {
    // The current text's time: its change line when the log has one newer than the attic, else the file's.
    const logged = [...changes.values()].filter((change) => change.type !== "D" && change.time > (newest?.time ?? -1)).at(-1);
    versions.push(describe(logged?.time ?? Math.max(page.time, (newest?.time ?? 0) + 1), async () => page.text));
  }
  return versions;
}

interface AtticFile {
  time: number;
  file: string;
  gzipped: boolean;
}

/** The old versions in `attic/` by page (its path without `.txt`), read from the folder once. */
async function atticIndex(atticDir: string): Promise<Map<string, AtticFile[]>> {
  const index = new Map<string, AtticFile[]>();
  if (!(await isDirectory(atticDir))) return index;
  for (const entry of await readdir(atticDir, { recursive: true, withFileTypes: true })) {
    const match = entry.isFile() ? /^(.+)\.(\d+)\.txt(\.gz)?$/.exec(entry.name) : null;
    if (!match) continue;
    const file = path.join(entry.parentPath, entry.name);
    const page = path.join(path.relative(atticDir, entry.parentPath), match[1]);
    const list = index.get(page) ?? [];
    list.push({ time: Number(match[2]), file, gzipped: !!match[3] });
    index.set(page, list);
  }
  return index;
}

/** A `.changes` file's revisions; none when there is no such file. */
async function readChanges(file: string): Promise<Change[]> {
  try {
    return parseChanges(await readFile(file, "utf8"));
  } catch {
    return [];
  }
}

/** The account of a DokuWiki user, made without a password (it cannot sign in until claimed) the first time. */
async function authorAccount(tx: DbOrTx, known: Map<string, string>, name: string): Promise<string> {
  const cached = known.get(name);
  if (cached) return cached;
  const nameKey = accountNameKey(name);
  const user = await tx.user.upsert({ where: { nameKey }, create: { name, nameKey, role: "editor" }, update: {}, select: { id: true } });
  known.set(name, user.id);
  return user.id;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
