import { z } from "zod";
import { queryFilter } from "./query";
import { routeParam } from "../http/route-param";
import { countingNumber } from "./numbers";
import { normalizePageId } from "../content/page-id";
import { THUMBNAIL_WIDTHS, type ThumbnailFormat } from "../media/sizes";
import { MEDIA_KINDS, type MediaKind } from "../media/types";

export const MAX_MEDIA_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_ALT_LENGTH = 500;
export const MAX_CREDIT_LENGTH = 500;
export const MAX_LICENCE_LENGTH = 200;
export const MAX_UPLOAD_SUMMARY_LENGTH = 300;

/**
 * A media name as DokuWiki cleans it (`Models/GPT Chart.PNG` → `models:gpt_chart.png`), which must
 * end in an extension.
 */
export const MediaNameSchema = z
  .string({ error: "Name the file." })
  .max(MAX_MEDIA_NAME_LENGTH * 2, `Keep the name under ${MAX_MEDIA_NAME_LENGTH} characters.`)
  .transform((raw) => normalizePageId(raw))
  .refine((name) => name.length > 0, "Name the file.")
  .refine((name) => /[^:.][^:]*\.[a-z0-9]{1,10}$/.test(name), "End the name with the file's extension, such as chart.png.");

const text = (max: number, label: string) => z.string().trim().max(max, `Keep the ${label} under ${max} characters.`);

/**
 * The fields of an upload, as the form and the API send them. Descriptive fields left out keep the
 * values the file already has (a new version changes only its bytes).
 */
export const MediaUploadFieldsSchema = z.object({
  name: MediaNameSchema,
  description: text(MAX_DESCRIPTION_LENGTH, "description").optional(),
  alt: text(MAX_ALT_LENGTH, "alt text").optional(),
  credit: text(MAX_CREDIT_LENGTH, "credit").optional(),
  licence: text(MAX_LICENCE_LENGTH, "licence").optional(),
  summary: text(MAX_UPLOAD_SUMMARY_LENGTH, "summary").default(""),
});
export type MediaUploadFields = z.output<typeof MediaUploadFieldsSchema>;

/** Going back to an earlier version. */
export const MediaRevertSchema = z.object({
  name: MediaNameSchema,
  number: countingNumber("version"),
  summary: text(MAX_UPLOAD_SUMMARY_LENGTH, "summary").default(""),
});

/** `?q=&type=&page=` of the media library. */
export const MediaListQuerySchema = z.object({
  q: queryFilter(200),
  type: z
    .enum(MEDIA_KINDS as [MediaKind, ...MediaKind[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  /** Only the files no page shows readers (`unused=1`). */
  unused: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  /** A missing file's name, from its placeholder in an article: the upload form opens with it. */
  upload: MediaNameSchema.optional().catch(undefined),
});

/** `/files/<hash>/<file name>` or `/files/<hash>/thumbnails/<width>.<format>`. */
export const StoredFilePathSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, "There is no such file."),
  path: z.array(z.string()).transform((segments, context) => {
    const [first, second] = segments.map(routeParam);
    if (segments.length === 1 && first.length <= 300) return { kind: "original" as const, fileName: first };
    const thumbnail = segments.length === 2 && first === "thumbnails" ? /^(\d+)\.(avif|webp|png|jpeg)$/.exec(second) : null;
    const width = thumbnail ? THUMBNAIL_WIDTHS.find((w) => w === Number(thumbnail[1])) : undefined;
    if (!thumbnail || !width) {
      context.addIssue({ code: "custom", message: "There is no such file." });
      return z.NEVER;
    }
    return { kind: "thumbnail" as const, width, format: thumbnail[2] as ThumbnailFormat };
  }),
});

/** The file of a multipart upload; its other fields are checked by {@link MediaUploadFieldsSchema}. */
export const MediaUploadFileSchema = z.instanceof(File, { error: "Choose a file to upload." }).refine((file) => file.size > 0, "The file is empty.");
