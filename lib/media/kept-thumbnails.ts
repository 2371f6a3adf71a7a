import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { thumbnailEtag, thumbnailHeaders } from "./serving";
import { THUMBNAIL_FORMATS, THUMBNAIL_WIDTHS, type ThumbnailFormat, thumbnailKey, type ThumbnailWidth } from "./sizes";

const THUMBNAIL_PATH = /^\/files\/([0-9a-f]{64})\/thumbnails\/(\d+)\.([a-z]+)$/;

/**
 * Thumbnails read lately, by file: their addresses name their content, so a kept copy is never
 * stale and the hot path reads no file at all. Held to a budget, the least recently used first out.
 */
const kept = new Map<string, Buffer>();
let keptBytes = 0;
const KEPT_BUDGET = 64 * 1024 * 1024;

async function thumbnailBytes(file: string): Promise<Buffer | null> {
  const hit = kept.get(file);
  if (hit) {
    kept.delete(file);
    kept.set(file, hit);
    return hit;
  }
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return null;
  const bytes = await readFile(file);
  kept.set(file, bytes);
  keptBytes += bytes.length;
  for (const [oldest, old] of kept) {
    if (keptBytes <= KEPT_BUDGET) break;
    kept.delete(oldest);
    keptBytes -= old.length;
  }
  return bytes;
}

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
  const bytes = await thumbnailBytes(file);
  if (!bytes) return false;
  const headers = thumbnailHeaders(match[1], width, format, bytes.length);
  if (req.headers["if-none-match"] === `"${thumbnailEtag(match[1], width, format)}"`) {
    res.writeHead(304, { ETag: headers.get("ETag")!, "Cache-Control": headers.get("Cache-Control")! });
    res.end();
    return true;
  }
  res.writeHead(200, Object.fromEntries(headers));
  res.end(req.method === "HEAD" ? undefined : bytes);
  return true;
}
