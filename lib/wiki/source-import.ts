import { authorize } from "../auth/policy";
import { BibliographyError, EXPORT_FORMATS, type ImportFormat, parseBibliography } from "../content/bibliography";
import { sourceFieldsFromCsl } from "../content/csl";
import { normalizeDoi, normalizeUrl, safeUrl } from "../content/url";
import type { Db } from "../db";
import { transaction } from "../db/transaction";
import { MAX_TITLE_LENGTH, SOURCE_TYPES } from "../validation/source";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { recordVersion } from "./source-records";
import { findSameSource } from "./sources";

/** Largest bibliographic file accepted. */
export const MAX_BIBLIOGRAPHY_BYTES = 2_000_000;

/**
 * Imports a BibTeX, RIS or CSL-JSON file into the library in one transaction: records already there
 * (same normalised address or DOI) are kept as they are, the others are added with a first version.
 * A fault anywhere in the file names its entry and imports nothing.
 */
export async function importSources(db: Db, account: Account | null, input: { text: string; format: ImportFormat }): Promise<{ added: number; existing: number }> {
  const importer = authorize(account, "changeSources");
  if (Buffer.byteLength(input.text, "utf8") > MAX_BIBLIOGRAPHY_BYTES) throw new AppError("INVALID_INPUT", `The file is larger than ${MAX_BIBLIOGRAPHY_BYTES / 1_000_000} MB.`);
  let items: Record<string, unknown>[];
  try {
    items = parseBibliography(input.text, input.format);
  } catch (error) {
    if (error instanceof BibliographyError) throw new AppError("INVALID_INPUT", `${error.message} Nothing was imported.`);
    throw error;
  }
  const records = items.map((item, i) => {
    const fields = sourceFieldsFromCsl(item, SOURCE_TYPES);
    const url = fields.url && safeUrl(fields.url);
    if (fields.url && !url) throw new AppError("INVALID_INPUT", `Entry ${i + 1} (${fields.title.slice(0, 60)}): its address is not a web address. Nothing was imported.`);
    return { ...fields, title: fields.title.slice(0, MAX_TITLE_LENGTH), url: url || null, doi: fields.doi ? normalizeDoi(fields.doi) : null };
  });
  return transaction(db, async (tx) => {
    let added = 0;
    let existing = 0;
    for (const record of records) {
      const normalizedUrl = record.url ? normalizeUrl(record.url) : null;
      if (await findSameSource(tx, { normalizedUrl, doi: record.doi, title: record.title })) {
        existing++;
        continue;
      }
      const data = { ...record, archiveUrl: null, authors: JSON.stringify(record.authors) };
      const created = await tx.source.create({ data: { ...data, normalizedUrl }, select: { id: true } });
      await recordVersion(tx, created.id, data, importer.id, `Imported from ${EXPORT_FORMATS[input.format].label}`);
      added++;
    }
    return { added, existing };
  });
}
