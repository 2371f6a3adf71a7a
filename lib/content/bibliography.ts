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
