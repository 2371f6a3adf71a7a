import { db } from "@/lib/db";
import { bibliographyDownload } from "@/lib/http/download";
import { respond } from "@/lib/http/respond";
import { queryObject } from "@/lib/validation/history";
import { ExportQuerySchema } from "@/lib/validation/source";
import { libraryBibliography } from "@/lib/wiki/library";

/** The whole source library as a BibTeX, RIS or CSL-JSON file (`?format=`). */
export async function GET(request: Request) {
  return respond(async () => {
    const { format } = ExportQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    return bibliographyDownload(await libraryBibliography(db), format, "palimpsest-sources");
  });
}
