// A whole wiki written out as a DokuWiki data folder, with every revision and every file's versions.
import { mkdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { storedDocument } from "../content/document";
import { changeLine } from "../content/dokuwiki-changes";
import { toDokuWiki } from "../content/dokuwiki-export";
import type { DbOrTx } from "../db";
import type { MediaServices } from "../media";
import { originalKey } from "../media/store";
import { citedSources } from "./dokuwiki-export";
import { AppError } from "./errors";

export interface SiteExportReport {
  pages: number;
  revisions: number;
  files: number;
  fileVersions: number;
}

/** Pages read per query while exporting a site. */
const BATCH = 50;

/**
 * Writes the wiki into `dir` as a DokuWiki `data` folder: `pages/` (each page's newest revision),
 * `attic/` (every revision, gzipped, named by its time), `meta/*.changes` (who saved each revision,
 * when, with what summary), `media/` (each file's current version), `media_attic/` and
 * `media_meta/*.changes` (every version). Namespaces are folders. Deleted pages and the events of
 * a history (moves, protection) are left out: DokuWiki has no place for them.
 */
export async function exportSite(db: DbOrTx, media: MediaServices, dir: string, onProgress: (done: number, total: number) => void = () => {}): Promise<SiteExportReport> {
  const report: SiteExportReport = { pages: 0, revisions: 0, files: 0, fileVersions: 0 };
  const where = { deletedAt: null, latestRevisionId: { not: null } };
  const total = (await db.page.count({ where })) + (await db.mediaFile.count());
  let done = 0;
  const pages = inBatches((after) =>
    db.page.findMany({ where: { ...where, id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, slug: true, title: true } }),
  );
  for await (const page of pages) {
    report.revisions += await exportPageHistory(db, dir, page);
    report.pages++;
    onProgress(++done, total);
  }
  const files = inBatches((after) =>
    db.mediaFile.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        name: true,
        currentVersionId: true,
        versions: {
          orderBy: { number: "asc" },
          select: { id: true, hash: true, size: true, summary: true, createdAt: true, revertOf: true, uploader: { select: { name: true } } },
        },
      },
    }),
  );
  for await (const file of files) {
    report.fileVersions += await exportMediaHistory(media, dir, file);
    report.files++;
    onProgress(++done, total);
  }
  return report;
}

/** Every row `fetch` finds, read `BATCH` at a time by id, so a whole site is never held at once. */
async function* inBatches<T extends { id: number }>(fetch: (afterId: number) => Promise<T[]>): AsyncGenerator<T> {
  for (let after = 0; ;) {
    const rows = await fetch(after);
    if (!rows.length) return;
    after = rows.at(-1)!.id;
    yield* rows;
  }
}

async function exportPageHistory(db: DbOrTx, dir: string, page: { id: number; slug: string; title: string }): Promise<number> {
  const revisions = await db.revision.findMany({
    where: { pageId: page.id, action: { in: ["edit", "revert"] } },
    orderBy: { number: "asc" },
    select: { content: true, summary: true, minor: true, action: true, createdAt: true, author: { select: { name: true } } },
  });
  const docs = revisions.map((revision) => storedDocument(revision.content));
  const sources = await citedSources(db, docs);
  const parts = page.slug.split(":");
  const folder = parts.slice(0, -1);
  const name = parts.at(-1)!;
  await Promise.all(["pages", "attic", "meta"].map((kind) => mkdir(path.join(dir, kind, ...folder), { recursive: true })));
  const changes: string[] = [];
  let previous = { time: 0, size: 0, markup: "" };
  for (const [index, revision] of revisions.entries()) {
    const markup = toDokuWiki(docs[index], { title: page.title, pageId: page.slug, sources });
    // DokuWiki names a revision by its second: two in one second are a second apart.
    const time = Math.max(Math.floor(revision.createdAt.getTime() / 1000), previous.time + 1);
    const size = Buffer.byteLength(markup);
    if (markup !== previous.markup || index === 0) {
      await writeFile(path.join(dir, "attic", ...folder, `${name}.${time}.txt.gz`), gzipSync(markup));
      const type = index === 0 ? "C" : revision.action === "revert" ? "R" : revision.minor ? "e" : "E";
      changes.push(changeLine([time, "127.0.0.1", type, page.slug, revision.author.name ?? "", revision.summary, "", index === 0 ? size : size - previous.size]));
      previous = { time, size, markup };
    }
  }
  const current = path.join(dir, "pages", ...folder, `${name}.txt`);
  await writeFile(current, previous.markup);
  // DokuWiki dates the current text by its file's time.
  await utimes(current, previous.time, previous.time);
  await writeFile(path.join(dir, "meta", ...folder, `${name}.changes`), changes.join(""));
  return changes.length;
}

async function exportMediaHistory(
  media: MediaServices,
  dir: string,
  file: {
    name: string;
    currentVersionId: number | null;
    versions: { id: number; hash: string; size: number; summary: string; createdAt: Date; revertOf: number | null; uploader: { name: string | null } }[];
  },
): Promise<number> {
  const parts = file.name.split(":");
  const folder = parts.slice(0, -1);
  const fileName = parts.at(-1)!;
  const dot = fileName.lastIndexOf(".");
  const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ""];
  await Promise.all(["media", "media_attic", "media_meta"].map((kind) => mkdir(path.join(dir, kind, ...folder), { recursive: true })));
  const changes: string[] = [];
  let previous = { time: 0, size: 0 };
  for (const [index, version] of file.versions.entries()) {
    const bytes = await media.store.get(originalKey(version.hash));
    if (!bytes) throw new AppError("NOT_FOUND", `The stored bytes of ${file.name}, version ${index + 1}, are missing.`);
    const time = Math.max(Math.floor(version.createdAt.getTime() / 1000), previous.time + 1);
    await writeFile(path.join(dir, "media_attic", ...folder, `${base}.${time}${extension}`), bytes);
    if (version.id === file.currentVersionId) {
      const current = path.join(dir, "media", ...folder, fileName);
      await writeFile(current, bytes);
      await utimes(current, time, time);
    }
    const type = index === 0 ? "C" : version.revertOf ? "R" : "E";
    changes.push(changeLine([time, "127.0.0.1", type, file.name, version.uploader.name ?? "", version.summary, "", index === 0 ? version.size : version.size - previous.size]));
    previous = { time, size: version.size };
  }
  await writeFile(path.join(dir, "media_meta", ...folder, `${fileName}.changes`), changes.join(""));
  return file.versions.length;
}
