import { db } from "@/lib/db";
import { bibliographyDownload } from "@/lib/http/download";
import { respond } from "@/lib/http/respond";
import { queryObject } from "@/lib/validation/history";
import { ExportQuerySchema } from "@/lib/validation/source";
import { articleBibliography } from "@/lib/wiki/library";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ id: string }> };

/** The article's References as a BibTeX, RIS or CSL-JSON file (`?format=`). */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const { format } = ExportQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    const pageId = routeParam((await params).id);
    const { items } = await articleBibliography(db, pageId);
    return bibliographyDownload(items, format, pageId);
  });
}
