import { z } from "zod";
import { isMediaType, MEDIA_TYPE_NAMES, type MediaType } from "./types";

/** What an upload may be. */
export interface MediaLimits {
  maxBytes: number;
  /** Width × height of an image (one frame), checked from its header before anything is decoded. */
  maxPixels: number;
  allowedTypes: readonly MediaType[];
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 50_000_000;

export type StoreConfig =
  | { kind: "local"; directory: string }
  | { kind: "s3"; bucket: string; endpoint?: string; region: string; prefix: string; forcePathStyle: boolean; credentials?: { accessKeyId: string; secretAccessKey: string } };

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().trim().optional());
const positiveInt = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(fallback));

const EnvSchema = z
  .object({
    MEDIA_STORE: z.preprocess(blankAsUnset, z.enum(["local", "s3"], { error: "MEDIA_STORE is local or s3." }).optional()),
    MEDIA_DIR: z.preprocess(blankAsUnset, z.string().default("data/media")),
    MEDIA_S3_BUCKET: optionalText,
    MEDIA_S3_ENDPOINT: z.preprocess(blankAsUnset, z.url({ error: "MEDIA_S3_ENDPOINT is an address such as http://127.0.0.1:9000." }).optional()),
    MEDIA_S3_REGION: z.preprocess(blankAsUnset, z.string().default("us-east-1")),
    MEDIA_S3_PREFIX: z.preprocess(blankAsUnset, z.string().default("")),
    MEDIA_S3_FORCE_PATH_STYLE: z.preprocess(blankAsUnset, z.enum(["true", "false"]).optional()),
    MEDIA_S3_ACCESS_KEY_ID: optionalText,
    MEDIA_S3_SECRET_ACCESS_KEY: optionalText,
    MEDIA_MAX_BYTES: positiveInt(DEFAULT_MAX_BYTES),
    MEDIA_MAX_PIXELS: positiveInt(DEFAULT_MAX_PIXELS),
    MEDIA_ALLOWED_TYPES: z.preprocess(
      blankAsUnset,
      z
        .string()
        .optional()
        .transform((v) =>
          v
            ? v
                .split(",")
                .map((t) => t.trim().toLowerCase())
                .filter(Boolean)
            : [...MEDIA_TYPE_NAMES],
        )
        .refine((types) => types.every(isMediaType), { error: `MEDIA_ALLOWED_TYPES lists types among: ${MEDIA_TYPE_NAMES.join(", ")}.` }),
    ),
  })
  .refine((env) => env.MEDIA_STORE !== "s3" || env.MEDIA_S3_BUCKET, { error: "MEDIA_STORE=s3 needs MEDIA_S3_BUCKET." })
  .refine((env) => !env.MEDIA_S3_ACCESS_KEY_ID === !env.MEDIA_S3_SECRET_ACCESS_KEY, { error: "Give both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither." });

export interface MediaConfig {
  store: StoreConfig;
  limits: MediaLimits;
}

/**
 * Media settings from the environment: the local directory unless a bucket is configured, a 25 MB
 * and 50 megapixel limit, every known type allowed. Throws a readable error for bad values.
 */
export function readMediaConfig(env: Record<string, string | undefined> = process.env): MediaConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Media configuration: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  const e = parsed.data;
  const kind = e.MEDIA_STORE ?? (e.MEDIA_S3_BUCKET ? "s3" : "local");
  const store: StoreConfig =
    kind === "s3"
      ? {
          kind,
          bucket: e.MEDIA_S3_BUCKET!,
          endpoint: e.MEDIA_S3_ENDPOINT,
          region: e.MEDIA_S3_REGION,
          prefix: e.MEDIA_S3_PREFIX.replace(/^\/+|\/+$/g, ""),
          // Servers other than Amazon's (MinIO, Ceph, Garage) mostly want bucket names in the path.
          forcePathStyle: e.MEDIA_S3_FORCE_PATH_STYLE ? e.MEDIA_S3_FORCE_PATH_STYLE === "true" : !!e.MEDIA_S3_ENDPOINT,
          credentials: e.MEDIA_S3_ACCESS_KEY_ID ? { accessKeyId: e.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: e.MEDIA_S3_SECRET_ACCESS_KEY! } : undefined,
        }
      : { kind, directory: e.MEDIA_DIR };
  return { store, limits: { maxBytes: e.MEDIA_MAX_BYTES, maxPixels: e.MEDIA_MAX_PIXELS, allowedTypes: e.MEDIA_ALLOWED_TYPES as MediaType[] } };
}
