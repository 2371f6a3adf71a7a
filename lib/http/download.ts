import { EXPORT_FORMATS, type ExportFormat, exportBibliography } from "../content/bibliography";
import type { CslItem } from "../content/csl";

/** A bibliography as a file to download, named after what it lists. */
export function bibliographyDownload(items: CslItem[], format: ExportFormat, name: string): Response {
  const { contentType, extension } = EXPORT_FORMATS[format];
  const file = `${name.replace(/[^\w.-]+/g, "_").slice(0, 80) || "bibliography"}.${extension}`;
  return new Response(exportBibliography(items, format), {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store" },
  });
}
