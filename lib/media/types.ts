import { fileTypeFromBuffer } from "file-type/core";

/** What the library groups files by, for its type filter. */
export type MediaKind = "image" | "pdf" | "document";

interface TypeFacts {
  /** Extensions a file's name may end in; the first is the one suggested. */
  extensions: readonly string[];
  label: string;
  kind: MediaKind;
  /** Decoded and re-encoded by sharp (metadata stripped), served inline, shown as itself. */
  raster: boolean;
  /** Has a picture sharp can draw thumbnails of. */
  drawable: boolean;
}

/** Every type the wiki can accept; `MEDIA_ALLOWED_TYPES` narrows it. */
export const MEDIA_TYPES = {
  "image/png": { extensions: ["png"], label: "PNG image", kind: "image", raster: true, drawable: true },
  "image/jpeg": { extensions: ["jpg", "jpeg"], label: "JPEG image", kind: "image", raster: true, drawable: true },
  "image/gif": { extensions: ["gif"], label: "GIF image", kind: "image", raster: true, drawable: true },
  "image/webp": { extensions: ["webp"], label: "WebP image", kind: "image", raster: true, drawable: true },
  "image/avif": { extensions: ["avif"], label: "AVIF image", kind: "image", raster: true, drawable: true },
  // Never decoded for storage (an SVG is a document that can hold script): kept as uploaded, served
  // only as a download, and shown in articles through thumbnails drawn by librsvg, which runs no script.
  "image/svg+xml": { extensions: ["svg"], label: "SVG drawing", kind: "image", raster: false, drawable: true },
  "application/pdf": { extensions: ["pdf"], label: "PDF document", kind: "pdf", raster: false, drawable: false },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { extensions: ["docx"], label: "Word document", kind: "document", raster: false, drawable: false },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { extensions: ["xlsx"], label: "Excel spreadsheet", kind: "document", raster: false, drawable: false },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    extensions: ["pptx"],
    label: "PowerPoint presentation",
    kind: "document",
    raster: false,
    drawable: false,
  },
  "application/vnd.oasis.opendocument.text": { extensions: ["odt"], label: "OpenDocument text", kind: "document", raster: false, drawable: false },
  "application/vnd.oasis.opendocument.spreadsheet": { extensions: ["ods"], label: "OpenDocument spreadsheet", kind: "document", raster: false, drawable: false },
  "application/vnd.oasis.opendocument.presentation": { extensions: ["odp"], label: "OpenDocument presentation", kind: "document", raster: false, drawable: false },
} as const satisfies Record<string, TypeFacts>;

export type MediaType = keyof typeof MEDIA_TYPES;
export const MEDIA_TYPE_NAMES = Object.keys(MEDIA_TYPES) as MediaType[];
export const MEDIA_KINDS: readonly MediaKind[] = ["image", "pdf", "document"];

export function isMediaType(type: string): type is MediaType {
  return Object.hasOwn(MEDIA_TYPES, type);
}

/** The facts of a stored type; a type no longer offered is served as an opaque download. */
export function typeFacts(type: string): TypeFacts {
  return isMediaType(type) ? MEDIA_TYPES[type] : { extensions: [], label: "File", kind: "document", raster: false, drawable: false };
}

/** The types of a kind, for filtering the library. */
export function typesOfKind(kind: MediaKind): MediaType[] {
  return MEDIA_TYPE_NAMES.filter((type) => MEDIA_TYPES[type].kind === kind);
}

// How far into a text file to look for the root element.
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether the bytes are an SVG document: UTF-8 text whose first element, after an XML declaration,
 * comments and a doctype, is `<svg`. Anything else that looks like markup (HTML above all) is not.
 */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return false;
  let text = new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\uFEFF/, "");
  for (;;) {
    const before = text;
    text = text
      .replace(/^\s+/, "")
      .replace(/^<\?xml[^>]*\?>/i, "")
      .replace(/^<!--[\s\S]*?-->/, "")
      .replace(/^<!DOCTYPE\s+svg[^>[]*(\[[\s\S]*?\])?\s*>/i, "");
    if (text === before) break;
  }
  return /^<svg[\s>/]/i.test(text);
}

/**
 * The type of a file, decided from its bytes alone (never its name or what the browser claimed):
 * one of {@link MEDIA_TYPES}, or null when the bytes are none of them.
 */
export async function detectMediaType(bytes: Uint8Array): Promise<MediaType | null> {
  if (looksLikeSvg(bytes)) return "image/svg+xml";
  const found = await fileTypeFromBuffer(bytes);
  return found && isMediaType(found.mime) ? found.mime : null;
}

/** Whether a file name's extension fits the type (`chart.png` for a PNG image). */
export function extensionFits(name: string, type: MediaType): boolean {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return (MEDIA_TYPES[type].extensions as readonly string[]).includes(extension);
}
