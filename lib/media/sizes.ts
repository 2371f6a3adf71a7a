// Thumbnail sizes and formats: plain data, safe to import anywhere (no image library).

/** The widths thumbnails are made in; nothing else is made, so nobody can fill the store with sizes. */
export const THUMBNAIL_WIDTHS = [160, 320, 640, 1024, 1600] as const;
export type ThumbnailWidth = (typeof THUMBNAIL_WIDTHS)[number];

/** AVIF and WebP for browsers that take them, and the original's own kind of file for those that do not. */
export const THUMBNAIL_FORMATS = ["avif", "webp", "png", "jpeg"] as const;
export type ThumbnailFormat = (typeof THUMBNAIL_FORMATS)[number];

const CONTENT_TYPES: Record<ThumbnailFormat, string> = { avif: "image/avif", webp: "image/webp", png: "image/png", jpeg: "image/jpeg" };

export function thumbnailContentType(format: ThumbnailFormat): string {
  return CONTENT_TYPES[format];
}

/** The format a browser without AVIF or WebP gets: JPEG for photographs, PNG for the rest (transparency). */
export function fallbackFormat(type: string): ThumbnailFormat {
  return type === "image/jpeg" ? "jpeg" : "png";
}

export function thumbnailKey(hash: string, width: ThumbnailWidth, format: ThumbnailFormat): string {
  return `thumbnails/${hash.slice(0, 2)}/${hash}/${width}.${format}`;
}

/**
 * The widths worth offering for an image `width` pixels wide, each as the image will really be:
 * smaller standard widths, then the first one at least as wide, which gives the full-size picture.
 */
export function responsiveWidths(width: number): { requested: ThumbnailWidth; actual: number }[] {
  const widths: { requested: ThumbnailWidth; actual: number }[] = [];
  for (const requested of THUMBNAIL_WIDTHS) {
    widths.push({ requested, actual: Math.min(requested, width) });
    if (requested >= width) break;
  }
  return widths;
}

/** A file size as people read it: 812 bytes, 34 KB, 2.5 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The address of the smallest thumbnail at least `wanted` pixels wide, else of the largest there is. */
export function thumbnailFor(sources: readonly { width: number; url: string }[], wanted: number): string | null {
  const sorted = [...sources].sort((a, b) => a.width - b.width);
  return (sorted.find((s) => s.width >= wanted) ?? sorted[sorted.length - 1])?.url ?? null;
}
