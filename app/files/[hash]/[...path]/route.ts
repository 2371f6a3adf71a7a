import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { mediaServices } from "@/lib/media";
import { fileNameOf, mediaHeaders, servedInline, thumbnailEtag, thumbnailHeaders } from "@/lib/media/serving";
import { originalKey } from "@/lib/media/store";
import { getThumbnail } from "@/lib/media/thumbnails";
import { extensionFits, isMediaType } from "@/lib/media/types";
import { StoredFilePathSchema } from "@/lib/validation/media";
import { AppError } from "@/lib/wiki/errors";
import { findStoredFile } from "@/lib/wiki/media";

type Context = { params: Promise<{ hash: string; path: string[] }> };

/**
 * A version's bytes (`/files/<sha256>/<file name>`) or one of its thumbnails
 * (`/files/<sha256>/thumbnails/<width>.<avif|webp|png|jpeg>`). The address names the content, so
 * the answer never changes: cached for a year, revalidated by the hash as ETag. Thumbnails made
 * before are served by the static path in front of Next.js (lib/media/kept-thumbnails.ts).
 */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const parsed = StoredFilePathSchema.safeParse(await params);
    const stored = parsed.success ? await findStoredFile(db, parsed.data.hash) : null;
    if (!parsed.success || !stored) throw new AppError("NOT_FOUND", "There is no such file.");
    const { hash, path } = parsed.data;
    const etag = path.kind === "thumbnail" ? thumbnailEtag(hash, path.width, path.format) : hash;
    if (request.headers.get("if-none-match") === `"${etag}"`)
      return new Response(null, { status: 304, headers: { ETag: `"${etag}"`, "Cache-Control": "public, max-age=31536000, immutable" } });
    const media = mediaServices();
    if (path.kind === "thumbnail") {
      const bytes = await getThumbnail(media.store, media.limits, { hash, type: stored.type }, path.width, path.format);
      return new Response(new Uint8Array(bytes), { headers: thumbnailHeaders(hash, path.width, path.format, bytes.byteLength) });
    }
    const bytes = await media.store.get(originalKey(hash));
    if (!bytes) throw new AppError("NOT_FOUND", "The file's bytes are missing from storage.");
    // The name in the address when it suits the type (the same bytes may live under several names).
    const fileName = isMediaType(stored.type) && extensionFits(path.fileName, stored.type) ? path.fileName : fileNameOf(stored.name);
    const headers = mediaHeaders({ contentType: stored.type, fileName, size: bytes.byteLength, etag, inline: servedInline(stored.type) });
    return new Response(new Uint8Array(bytes), { headers });
  });
}
