import { fallbackFormat, responsiveWidths, thumbnailContentType, type ThumbnailFormat, type ThumbnailWidth } from "./sizes";
import { typeFacts } from "./types";

/** The last segment of a media name, as a downloaded file is called (`models:chart.png` → `chart.png`). */
export function fileNameOf(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1);
}

// A file's page is an address documents hold, so the document model owns its form.
export { mediaHref } from "../content/page-id";

/** The address of a version's bytes; it names the content, so it never changes and caches forever. */
export function fileUrl(hash: string, name: string): string {
  return `/files/${hash}/${encodeURIComponent(fileNameOf(name))}`;
}

/** The address of one thumbnail of a version. */
export function thumbnailUrl(hash: string, width: ThumbnailWidth, format: ThumbnailFormat): string {
  return `/files/${hash}/thumbnails/${width}.${format}`;
}

/** An ASCII stand-in for a file name in a header, and the exact name for browsers that read RFC 5987. */
function dispositionName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_").slice(0, 150) || "file";
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).slice(0, 600)}`;
}

/**
 * Headers for stored bytes that cannot run script on our origin: the type as detected (never
 * sniffed again by the browser), inline only for raster images, which hold no script, and a
 * download for everything else (SVG, PDF, documents); a sandboxing policy for whatever a browser
 * opens anyway. Content-addressed addresses never change, so they are cached for a year.
 */
export function mediaHeaders({ contentType, fileName, size, etag, inline }: { contentType: string; fileName: string; size: number; etag: string; inline: boolean }): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Length": String(size),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; ${dispositionName(fileName)}`,
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: `"${etag}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
}

/** Headers for one thumbnail, the same whichever path serves it (the file route, or the static path in front of it). */
export function thumbnailHeaders(hash: string, width: ThumbnailWidth, format: ThumbnailFormat, size: number): Headers {
  return mediaHeaders({
    contentType: thumbnailContentType(format),
    fileName: `${hash.slice(0, 12)}-${width}.${format}`,
    size,
    etag: thumbnailEtag(hash, width, format),
    inline: true,
  });
}

export const thumbnailEtag = (hash: string, width: ThumbnailWidth, format: ThumbnailFormat) => `${hash}-${width}-${format}`;

/** Whether a stored type is shown in the browser rather than downloaded. */
export function servedInline(type: string): boolean {
  return typeFacts(type).raster;
}

/** A picture's responsive sources: AVIF, WebP and a fallback in the original's kind, one entry per width. */
export interface PictureSources {
  avif: { width: number; url: string }[];
  webp: { width: number; url: string }[];
  fallback: { width: number; url: string }[];
}

/** The addresses of a version: its bytes and, for pictures, its thumbnails in every width worth offering. */
export function versionAddresses(version: { hash: string; type: string; width: number | null }, name: string): { url: string; picture: PictureSources | null } {
  const url = fileUrl(version.hash, name);
  if (!typeFacts(version.type).drawable || !version.width) return { url, picture: null };
  const widths = responsiveWidths(version.width);
  const fallback = fallbackFormat(version.type);
  return {
    url,
    picture: {
      avif: widths.map((w) => ({ width: w.actual, url: thumbnailUrl(version.hash, w.requested, "avif") })),
      webp: widths.map((w) => ({ width: w.actual, url: thumbnailUrl(version.hash, w.requested, "webp") })),
      fallback: widths.map((w) => ({ width: w.actual, url: thumbnailUrl(version.hash, w.requested, fallback) })),
    },
  };
}
