import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { thumbnailEtag, thumbnailHeaders } from "./serving";
import { THUMBNAIL_FORMATS, THUMBNAIL_WIDTHS, type ThumbnailFormat, thumbnailKey, type ThumbnailWidth } from "./sizes";

const THUMBNAIL_PATH = /^\/files\/([0-9a-f]{64})\/thumbnails\/(\d+)\.([a-z]+)$/;

/**
 * Serves a thumbnail made before straight from the local store's folder, with the headers the file
 * route gives it, before Next.js sees the request: a picture is a static file, the hot path of a
 * page with figures. Resolves false, to let the file route answer, for any other address and for a
 * thumbnail not made yet (the route makes it, and the next request finds it here).
 */
export async function serveKeptThumbnail(req: IncomingMessage, res: ServerResponse, directory: string): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const match = THUMBNAIL_PATH.exec(req.url ?? "");
  const width = THUMBNAIL_WIDTHS.find((w) => w === Number(match?.[2]));
  const format = THUMBNAIL_FORMATS.find((f) => f === match?.[3]);
  if (!match || !width || !format) return false;
  const file = path.join(path.resolve(directory), ...thumbnailKey(match[1], width as ThumbnailWidth, format as ThumbnailFormat).split("/"));
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return false;
  const headers = thumbnailHeaders(match[1], width, format, found.size);
  if (req.headers["if-none-match"] === `"${thumbnailEtag(match[1], width, format)}"`) {
    res.writeHead(304, { ETag: headers.get("ETag")!, "Cache-Control": headers.get("Cache-Control")! });
    res.end();
    return true;
  }
  res.writeHead(200, Object.fromEntries(headers));
  if (req.method === "HEAD") res.end();
  else createReadStream(file).on("error", () => res.destroy()).pipe(res);
  return true;
}
