import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { AppError } from "../wiki/errors";
import type { MediaLimits } from "./config";
import { detectMediaType, MEDIA_TYPES, type MediaType } from "./types";

/** A file ready to store: its bytes as they will be kept, their SHA-256 and what they are. */
export interface PreparedFile {
  bytes: Buffer;
  hash: string;
  type: MediaType;
  size: number;
  width: number | null;
  height: number | null;
}

// An animation may hold this many times the pixels of one still image, all frames together.
const ANIMATION_FRAMES_FACTOR = 4;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const megapixels = (pixels: number) => `${Math.round(pixels / 100_000) / 10} megapixels`;

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", `${message} Nothing was stored.`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Checks an upload and makes the bytes to keep: the size limit first, then the type from the bytes
 * (refused unless allowed), then the image's dimensions from its header (before any decoding, so a
 * small file claiming a huge picture costs nothing). Raster images are decoded and re-encoded in
 * their own format, which drops EXIF (GPS positions, camera serials) and every other metadata
 * block after applying the orientation, and which fails on truncated or damaged data. Other types
 * are kept as uploaded after a check that they are complete.
 */
export async function prepareUpload(input: Uint8Array, limits: MediaLimits): Promise<PreparedFile> {
  if (input.byteLength === 0) refuse("The file is empty.");
  if (input.byteLength > limits.maxBytes) refuse(`The file is ${megabytes(input.byteLength)}; the limit is ${megabytes(limits.maxBytes)}.`);
  const type = await detectMediaType(input);
  const accepted = limits.allowedTypes.map((t) => MEDIA_TYPES[t].label).join(", ");
  if (!type) refuse(`The file's contents are not of a type this wiki accepts (${accepted}), whatever its name says.`);
  if (!limits.allowedTypes.includes(type)) refuse(`${MEDIA_TYPES[type].label}s are not accepted here (${accepted}).`);
  const facts = MEDIA_TYPES[type];
  if (facts.raster) return finish(await reencode(input, type, limits), type);
  if (type === "image/svg+xml") {
    const { width, height } = await checkSvg(input, limits);
    return finish({ bytes: Buffer.from(input), width, height }, type);
  }
  if (type === "application/pdf" && !hasPdfEnd(input)) refuse("The PDF document is incomplete (it has no end-of-file marker).");
  if (facts.kind === "document" && !hasZipEnd(input)) refuse(`The ${facts.label} is incomplete or damaged.`);
  return finish({ bytes: Buffer.from(input), width: null, height: null }, type);
}

function finish(file: { bytes: Buffer; width: number | null; height: number | null }, type: MediaType): PreparedFile {
  return { ...file, type, hash: sha256(file.bytes), size: file.bytes.byteLength };
}

function checkPixels(width: number, height: number, frames: number, limits: MediaLimits) {
  if (width * height > limits.maxPixels) refuse(`The image is ${width} × ${height} pixels (${megapixels(width * height)}); the limit is ${megapixels(limits.maxPixels)}.`);
  if (width * height * frames > limits.maxPixels * ANIMATION_FRAMES_FACTOR)
    refuse(`The animation's ${frames} frames hold ${megapixels(width * height * frames)}; the limit is ${megapixels(limits.maxPixels * ANIMATION_FRAMES_FACTOR)}.`);
}

async function reencode(input: Uint8Array, type: MediaType, limits: MediaLimits): Promise<{ bytes: Buffer; width: number; height: number }> {
  const label = MEDIA_TYPES[type].label;
  let header: Metadata;
  try {
    // Only the header is read here; the pixel limit is ours, checked next with a clearer message.
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    refuse(`The ${label} cannot be read: it is damaged or incomplete.`);
  }
  if (!header.width || !header.height) refuse(`The ${label} has no dimensions.`);
  const frames = header.pages ?? 1;
  checkPixels(header.width, header.pageHeight ?? header.height, frames, limits);
  const animated = frames > 1 && (type === "image/gif" || type === "image/webp");
  try {
    // "error" also fails on truncated data, which lenient decoders would pad with grey.
    const image = sharp(input, { failOn: "error", animated, limitInputPixels: limits.maxPixels * (animated ? ANIMATION_FRAMES_FACTOR : 1) }).autoOrient();
    const encoded =
      type === "image/png"
        ? image.png()
        : type === "image/jpeg"
          ? image.jpeg({ quality: 90 })
          : type === "image/gif"
            ? image.gif()
            : type === "image/webp"
              ? image.webp({ quality: 90 })
              : image.avif({ quality: 70 });
    // sharp writes no metadata unless asked to: what the camera recorded stays behind.
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse(`The ${label} is damaged or incomplete.`);
  }
}

async function checkSvg(input: Uint8Array, limits: MediaLimits): Promise<{ width: number; height: number }> {
  const text = new TextDecoder().decode(input);
  // Entity declarations are how XML expands a few bytes into gigabytes; drawings do not need them.
  if (/<!ENTITY/i.test(text)) refuse("SVG drawings with entity declarations are not accepted.");
  let header: Metadata;
  try {
    header = await sharp(input, { failOn: "error" }).metadata();
  } catch {
    refuse("The SVG drawing cannot be read: it is not well-formed.");
  }
  if (!header.width || !header.height) refuse("The SVG drawing has no size.");
  checkPixels(header.width, header.height, 1, limits);
  return { width: header.width, height: header.height };
}

function hasPdfEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 2048))).includes("%%EOF");
}

// A ZIP archive (every office document) ends with this record, within its last 64 KB of comment.
function hasZipEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 65_557))).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}
