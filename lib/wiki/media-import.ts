import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { cleanDokuWikiId } from "../content/dokuwiki-ids";
import type { Db } from "../db";
import type { MediaServices } from "../media";
import { formatFileSize } from "../media/sizes";
import { AppError } from "./errors";
import { importMediaFile } from "./media";

/** What became of one file of a DokuWiki media folder. */
export type MediaImportOutcome =
  { path: string; name: string; status: "created" | "updated" | "unchanged"; number: number } | { path: string; name: string; status: "refused"; message: string };

export interface MediaImportSummary {
  files: number;
  /** New files in the library. */
  created: number;
  /** New versions of files the library held with other bytes. */
  updated: number;
  /** Files whose bytes were the current version's already: no version was made. */
  unchanged: number;
  /** Files the media rules refused (type, size, damaged), with why. */
  refused: Extract<MediaImportOutcome, { status: "refused" }>[];
}

/**
 * The media name of a file in a DokuWiki `data/media` folder: its sub-folders are its namespaces,
 * cleaned as DokuWiki cleans ids (`models/Chart.PNG` → `models:chart.png`).
 */
export function mediaNameFromPath(relativePath: string): string {
  return cleanDokuWikiId(relativePath.split(/[\\/]+/).join(":"));
}

/** The files under a folder, as paths relative to it in name order; hidden files and folders are left out. */
export async function listMediaFolder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .filter((relative) => !relative.split(path.sep).some((segment) => segment.startsWith(".")))
    .sort();
}

/**
 * Imports a DokuWiki `data/media` folder into the media library as the system user, each file
 * through the same checks as an upload ({@link importMediaFile}). Files whose bytes the library
 * holds under their name already make no version, so importing a folder again changes nothing;
 * a file the media rules refuse is reported and the run goes on. `onFile` hears of each file as it
 * is done, with how many are done of how many.
 */
export async function importMediaFolder(
  db: Db,
  media: MediaServices,
  directory: string,
  { onFile }: { onFile?: (outcome: MediaImportOutcome, done: number, total: number) => void } = {},
): Promise<MediaImportSummary> {
  if (!(await stat(directory)).isDirectory()) throw new AppError("INVALID_INPUT", `${directory} is not a folder.`);
  const files = await listMediaFolder(directory);
  const summary: MediaImportSummary = { files: files.length, created: 0, updated: 0, unchanged: 0, refused: [] };
  for (const [index, relative] of files.entries()) {
    const outcome = await importOne(db, media, directory, relative);
    if (outcome.status === "refused") summary.refused.push(outcome);
    else summary[outcome.status]++;
    onFile?.(outcome, index + 1, files.length);
  }
  return summary;
}

async function importOne(db: Db, media: MediaServices, directory: string, relative: string): Promise<MediaImportOutcome> {
  const name = mediaNameFromPath(relative);
  const file = path.join(directory, relative);
  const refused = (message: string): MediaImportOutcome => ({ path: relative, name, status: "refused", message });
  // An oversized file is refused before it is read into memory.
  const { size } = await stat(file);
  if (size > media.limits.maxBytes) return refused(`The file (${formatFileSize(size)}) is larger than the limit of ${formatFileSize(media.limits.maxBytes)}. Nothing was stored.`);
  try {
    const result = await importMediaFile(db, media, { bytes: await readFile(file), fields: { name, summary: "Imported from DokuWiki" } });
    return { path: relative, name: result.name, status: result.created ? "created" : result.changed ? "updated" : "unchanged", number: result.number };
  } catch (error) {
    // What the media rules refuse; anything else (the database gone, the store full) stops the run.
    if (error instanceof AppError && error.code === "INVALID_INPUT") return refused(error.message);
    throw error;
  }
}
