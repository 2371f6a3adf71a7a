// The commands of `npm run wiki`, for the entry point and for tests, which run them in-process.
import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { publishInvalidation } from "../lib/cache/invalidation";
import { DokuWikiSyntaxError, type ImportWarning, MAX_IMPORT_BYTES } from "../lib/content/dokuwiki";
import { webUrl } from "../lib/content/url";
import { createDb, type Db } from "../lib/db";
import { databaseUrl } from "../lib/db/url";
import { type MediaServices, mediaServices } from "../lib/media";
import { RoleSchema } from "../lib/validation/account";
import { createAccount } from "../lib/wiki/accounts";
import { AppError, describeError } from "../lib/wiki/errors";
import { exportSite } from "../lib/wiki/site-export";
import { importDokuWikiPage } from "../lib/wiki/import";
import { importMediaFolder, type MediaImportSummary } from "../lib/wiki/media-import";
import { reindexAll } from "../lib/wiki/search";
import { importSite } from "../lib/wiki/site-import";
import { DocumentValidationError } from "../lib/validation/document";
import { progressBar, type ProgressStream } from "./progress";

const USAGE = `Usage:
  npm run wiki -- user:create --email <email> --role <reader|editor|reviewer|admin> [--name <name>] [--password <password>]
                                                    make an account (a password is generated and shown when not given)
  npm run wiki -- import <file>… [--id <page id>] [--strict] [--site-url <address>]
                                                    import DokuWiki pages (each id defaults to the file name;
                                                    --id names the page when there is one file); markup not
                                                    imported as written is listed, and --strict refuses such files;
                                                    with the wiki's address (default NEXTAUTH_URL), files that are
                                                    no pictures inside text link to their pages in the library
  npm run wiki -- import-media <folder>             import a DokuWiki data/media folder into the media library
                                                    (sub-folders are namespaces: models/chart.png is models:chart.png);
                                                    files already there with the same bytes make no new version,
                                                    files the media rules refuse are listed and counted
  npm run wiki -- import-site <folder> [--site-url <address>]
                                                    import a DokuWiki data folder: every page with its history
                                                    (attic/ and meta/*.changes: dates, authors, summaries) and
                                                    media/ with media_attic/; run again, it imports only what is newer
  npm run wiki -- export-site <folder>              write the wiki as a DokuWiki data folder: pages, attic
                                                    (every revision) and meta/*.changes, media, media_attic
  npm run wiki -- search:reindex                    rebuild the search index of every page (safe while the site serves)`;

/** Where a command reads its configuration and writes what it says: the process's own, or a test's. */
export interface CommandIo {
  databaseUrl: string;
  media: () => MediaServices;
  log: (line: string) => void;
  error: (line: string) => void;
  progress: ProgressStream;
}

/** The process's environment, console and terminal. */
export function processIo(): CommandIo {
  return { databaseUrl: databaseUrl(), media: mediaServices, log: console.log, error: console.error, progress: process.stderr };
}

/** Runs one command (`argv` as after `npm run wiki --`), returning the exit code. */
export async function runWiki(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "import") {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { id: { type: "string" }, strict: { type: "boolean" }, "site-url": { type: "string" } },
      allowPositionals: true,
    });
    const siteAddress = values["site-url"] ?? process.env.NEXTAUTH_URL;
    const siteUrl = siteAddress ? webUrl(siteAddress)?.origin : undefined;
    if (!positionals.length || (values.id && positionals.length > 1) || (siteAddress && !siteUrl)) {
      io.error(USAGE);
      return 2;
    }
    const db = createDb(io.databaseUrl);
    let failures = 0;
    const warnings: { file: string; warning: ImportWarning }[] = [];
    try {
      for (const file of positionals) {
        const outcome = await importFile(io, db, file, values.id, values.strict ?? false, siteUrl);
        if (!outcome.imported) failures++;
        for (const warning of outcome.warnings) warnings.push({ file, warning });
      }
    } finally {
      await db.$disconnect();
    }
    printSummary(io, positionals.length, failures, warnings);
    return failures ? 1 : 0;
  }
  if (command === "import-media") {
    const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true });
    if (positionals.length !== 1) {
      io.error(USAGE);
      return 2;
    }
    return importMedia(io, positionals[0]);
  }
  if (command === "import-site") {
    const { values, positionals } = parseArgs({ args: rest, options: { "site-url": { type: "string" } }, allowPositionals: true });
    const siteAddress = values["site-url"] ?? process.env.NEXTAUTH_URL;
    const siteUrl = siteAddress ? webUrl(siteAddress)?.origin : undefined;
    if (positionals.length !== 1 || (siteAddress && !siteUrl)) {
      io.error(USAGE);
      return 2;
    }
    return importSiteFrom(io, positionals[0], siteUrl);
  }
  if (command === "export-site") {
    const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true });
    if (positionals.length !== 1) {
      io.error(USAGE);
      return 2;
    }
    return exportSiteTo(io, positionals[0]);
  }
  if (command === "search:reindex") {
    const db = createDb(io.databaseUrl);
    const bar = progressBar("Indexing pages", io.progress);
    try {
      const started = Date.now();
      const pages = await reindexAll(db, (done, total) => bar.update(done, total));
      bar.finish();
      io.log(`Indexed ${pages} page${pages === 1 ? "" : "s"} for search in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  }
  if (command === "user:create") {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    });
    const role = RoleSchema.safeParse(values.role);
    if (!values.email || !role.success) {
      io.error(USAGE);
      return 2;
    }
    const password = values.password ?? randomBytes(12).toString("base64url");
    const name = values.name ?? values.email.split("@")[0];
    const db = createDb(io.databaseUrl);
    try {
      const account = await createAccount(db, { email: values.email, name, password }, { role: role.data });
      io.log(`Created ${account.role} ${account.name} <${account.email}>.`);
      if (!values.password) io.log(`Password: ${password}`);
      return 0;
    } catch (error) {
      const fields = error instanceof AppError ? (error.details?.fieldErrors as Record<string, string> | undefined) : undefined;
      io.error(fields ? Object.values(fields).join(" ") : describeError(error).message);
      return 1;
    } finally {
      await db.$disconnect();
    }
  }
  io.error(USAGE);
  return command ? 2 : 0;
}

/** Imports a DokuWiki media folder with a progress bar, then lists the refused files and sums up. */
async function importMedia(io: CommandIo, folder: string): Promise<number> {
  const db = createDb(io.databaseUrl);
  const bar = progressBar("Importing files", io.progress);
  let summary: MediaImportSummary;
  try {
    summary = await importMediaFolder(db, io.media(), folder, { onFile: (_, done, total) => bar.update(done, total) });
    bar.finish();
    // Articles showing these files, or their missing-file placeholders, show them at once.
    if (summary.created || summary.updated) await publishInvalidation(db, "all");
  } catch (error) {
    bar.finish();
    const code = (error as NodeJS.ErrnoException).code;
    io.error(code === "ENOENT" ? `${folder}: no such folder` : `${folder}: ${describeError(error).message}`);
    if (!(error instanceof AppError) && code !== "ENOENT") io.error(String((error as Error).stack ?? error));
    return 1;
  } finally {
    await db.$disconnect();
  }
  for (const file of summary.refused) io.error(`${file.path}: ${file.message}`);
  io.log(
    `${count(summary.files, "file")} read: ${summary.created} new, ${count(summary.updated, "new version")}, ` +
      `${summary.unchanged} unchanged, ${summary.refused.length} refused.`,
  );
  return summary.refused.length ? 1 : 0;
}

/** Imports a DokuWiki data folder with a progress bar, then lists what was not imported as written and sums up. */
function importSiteFrom(io: CommandIo, folder: string, siteUrl: string | undefined): Promise<number> {
  return folderCommand(io, folder, "Importing pages", async (db, onProgress) => {
    const report = await importSite(db, io.media(), folder, { siteUrl, onProgress });
    // Running servers show the imported pages at once.
    if (report.revisions || report.files) await publishInvalidation(db, "all");
    for (const { file, warning } of report.warnings) io.error(`${file}:${warning.line}: ${warning.construct} — ${warning.message}`);
    return `Imported ${count(report.pages, "page")}: ${count(report.revisions, "revision")}, ${count(report.sources, "new source")}, ${count(report.files, "file")}, ${count(report.warnings.length, "warning")}`;
  });
}

/** Writes the wiki as a DokuWiki data folder with a progress bar, then sums up. */
function exportSiteTo(io: CommandIo, folder: string): Promise<number> {
  return folderCommand(io, folder, "Exporting", async (db, onProgress) => {
    const report = await exportSite(db, io.media(), folder, onProgress);
    return `Exported ${count(report.pages, "page")} (${count(report.revisions, "revision")}) and ${count(report.files, "file")} (${count(report.fileVersions, "version")}) to ${folder}`;
  });
}

/** A whole-site command on a folder, with a progress bar: what `work` says it did and how long it took, or why it failed. */
async function folderCommand(io: CommandIo, folder: string, label: string, work: (db: Db, onProgress: (done: number, total: number) => void) => Promise<string>): Promise<number> {
  const db = createDb(io.databaseUrl);
  const bar = progressBar(label, io.progress);
  try {
    const started = Date.now();
    const said = await work(db, (done, total) => bar.update(done, total));
    bar.finish();
    io.log(`${said}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    bar.finish();
    io.error(`${folder}: ${describeError(error).message}`);
    if (!(error instanceof AppError)) io.error(String((error as Error).stack ?? error));
    return 1;
  } finally {
    await db.$disconnect();
  }
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** One line per report: where, what markup, and what became of it. */
function printWarnings(io: CommandIo, file: string, warnings: ImportWarning[]): void {
  for (const w of warnings) io.error(`${file}:${w.line}: ${w.construct} — ${w.message}`);
}

/** How the run went: files imported and refused, and the reports counted by kind of markup. */
function printSummary(io: CommandIo, files: number, failures: number, warnings: { file: string; warning: ImportWarning }[]): void {
  const kinds = new Map<string, number>();
  for (const { warning } of warnings) {
    const match = /^(\[\[[^>|\]]*>|\{\{|~~|\(\()|^<\/?([a-z]+)/i.exec(warning.construct);
    const kind = match ? (match[1] ?? `<${match[2].toLowerCase()}>`) : warning.construct;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const counted = [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(", ");
  io.log(
    `${files - failures} of ${files} file${files === 1 ? "" : "s"} imported; ` +
      (warnings.length ? `${warnings.length} construct${warnings.length === 1 ? "" : "s"} not imported as written (${counted}).` : "everything imported as written."),
  );
}

/** Imports one file, saying what happened: whether it was imported, and its warnings. */
async function importFile(
  io: CommandIo,
  db: Db,
  file: string,
  pageId: string | undefined,
  strict: boolean,
  siteUrl: string | undefined,
): Promise<{ imported: boolean; warnings: ImportWarning[] }> {
  try {
    // Refuse an oversized file before reading it into memory.
    if ((await stat(file)).size > MAX_IMPORT_BYTES) {
      io.error(`${file}: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      return { imported: false, warnings: [] };
    }
    const markup = await readFile(file, "utf8");
    // Running servers show the new text at once: the import announces it.
    const result = await importDokuWikiPage(db, { markup, pageId, fileName: file, strict, siteUrl });
    io.log(
      result.status === "created"
        ? `Imported ${file} as ${result.pageId}, revision ${result.number}.`
        : `${result.pageId} already holds this text (revision ${result.number}); nothing changed.`,
    );
    printWarnings(io, file, result.warnings);
    return { imported: true, warnings: result.warnings };
  } catch (error) {
    const refused = error instanceof AppError ? (error.details?.warnings as ImportWarning[] | undefined) : undefined;
    if (refused) {
      printWarnings(io, file, refused);
      io.error(`${file}: ${error instanceof Error ? error.message : ""} Nothing was imported (--strict).`);
      return { imported: false, warnings: refused };
    } else if (error instanceof DokuWikiSyntaxError || error instanceof DocumentValidationError) {
      io.error(`${file}: ${error.message}`);
    } else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      io.error(`${file}: no such file`);
    } else {
      io.error(`${file}: ${describeError(error).message}`);
      if (!(error instanceof AppError)) io.error(String((error as Error).stack ?? error));
    }
    return { imported: false, warnings: [] };
  }
}
