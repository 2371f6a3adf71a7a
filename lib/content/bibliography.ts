import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { CslItem } from "./csl";

/** The bibliographic file formats Palimpsest writes. */
export const EXPORT_FORMATS = {
  bibtex: { label: "BibTeX", extension: "bib", contentType: "application/x-bibtex; charset=utf-8" },
  ris: { label: "RIS", extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8" },
  "csl-json": { label: "CSL-JSON", extension: "json", contentType: "application/vnd.citationstyles.csl+json; charset=utf-8" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** CSL-JSON items written as one BibTeX, RIS or CSL-JSON file (citation-js does the writing). */
export function exportBibliography(items: CslItem[], format: ExportFormat): string {
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  if (!items.length) return "";
  return new Cite(items).format(format === "bibtex" ? "bibtex" : "ris", { format: "text" });
}

export type ImportFormat = ExportFormat;

/** A bibliographic file that cannot be read, naming the entry at fault. */
export class BibliographyError extends Error {
  constructor(
    readonly entry: string,
    message: string,
  ) {
    super(`${entry}: ${message}`);
    this.name = "BibliographyError";
  }
}

const firstLine = (text: string) => text.trim().split("\n")[0].slice(0, 80);

function parseWith(text: string, forceType: string): Record<string, unknown>[] {
  return new Cite(text, { forceType }).data;
}

/**
 * Reads a BibTeX, RIS or CSL-JSON file into CSL-JSON items, one entry at a time so that a fault
 * names its entry. Any fault refuses the whole file.
 */
export function parseBibliography(text: string, format: ImportFormat): Record<string, unknown>[] {
  if (format === "csl-json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new BibliographyError("The file", `is not JSON (${(error as Error).message}).`);
    }
    const items = Array.isArray(data) ? data : [data];
    items.forEach((item, i) => {
      if (!item || typeof item !== "object" || typeof (item as { title?: unknown }).title !== "string") {
        throw new BibliographyError(`Entry ${i + 1}${(item as { id?: unknown })?.id ? ` (${String((item as { id: unknown }).id)})` : ""}`, "has no title.");
      }
    });
    return items as Record<string, unknown>[];
  }
  const chunks =
    format === "bibtex"
      ? text.split(/^(?=@)/m).filter((chunk) => chunk.trim().startsWith("@") && !/^@(comment|preamble|string)\b/i.test(chunk.trim()))
      : text
          .split(/^ER {2}-.*$/m)
          .filter((chunk) => chunk.trim())
          .map((chunk) => `${chunk.trim()}\nER  - \n`);
  const items: Record<string, unknown>[] = [];
  chunks.forEach((chunk, i) => {
    const name = format === "bibtex" ? `Entry ${/^@\w+\s*\{\s*([^,\s]+)/.exec(chunk.trim())?.[1] ?? i + 1}` : `Record ${i + 1} (${firstLine(chunk)})`;
    let parsed: Record<string, unknown>[];
    try {
      parsed = parseWith(chunk, format === "bibtex" ? "@bibtex/text" : "@ris/file");
    } catch (error) {
      throw new BibliographyError(name, (error as Error).message.split("\n")[0]);
    }
    if (!parsed.length || parsed.some((item) => typeof item.title !== "string" || !item.title)) throw new BibliographyError(name, "has no title, or could not be read.");
    items.push(...parsed);
  });
  if (!items.length) throw new BibliographyError("The file", "holds no entries.");
  return items;
}
