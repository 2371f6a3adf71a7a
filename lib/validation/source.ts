import { z } from "zod";
import { queryFilter } from "./query";
import { type FieldKind, SOURCE_FIELD_NAMES, SOURCE_FIELDS, type SourceFieldKind, type SourceFieldName } from "../content/source-fields";
import { normalizeDoi, safeUrl } from "../content/url";

export const MAX_TITLE_LENGTH = SOURCE_FIELDS.title.max;

/** "Family, Given; Other, Name; Organisation" → CSL names. */
export function parseAuthorList(text: string): { family?: string; given?: string; literal?: string }[] {
  return text
    .split(";")
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const [family, given] = name.split(",").map((part) => part.trim());
      return given ? { family, given } : { literal: family };
    });
}

/** CSL names → "Family, Given; Other, Name; Organisation", the form {@link parseAuthorList} reads. */
export function formatAuthorList(names: { family?: string; given?: string; literal?: string }[]): string {
  return names
    .map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(", "))
    .filter(Boolean)
    .join("; ");
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** `?q=&type=&page=` of the source library. */
export const LibraryQuerySchema = z.object({
  q: queryFilter(200),
  type: queryFilter(50),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The CSL item types the library offers, with the names people read. */
export const SOURCE_TYPE_NAMES = {
  webpage: "Web page",
  post: "Blog or forum post",
  "article-journal": "Journal article",
  "article-magazine": "Magazine article",
  "article-newspaper": "Newspaper article",
  book: "Book",
  chapter: "Book chapter",
  report: "Report",
  "paper-conference": "Conference paper",
  thesis: "Thesis",
  dataset: "Dataset",
  software: "Software",
  document: "Document",
  speech: "Speech or talk",
  interview: "Interview",
  motion_picture: "Film or video",
} as const;
export type SourceType = keyof typeof SOURCE_TYPE_NAMES;
export const SOURCE_TYPES = Object.keys(SOURCE_TYPE_NAMES) as [SourceType, ...SourceType[]];

/** A source type's name for people ("Journal article"); a type not offered shows as stored. */
export const sourceTypeName = (type: string): string => SOURCE_TYPE_NAMES[type as SourceType] ?? type;

const dateField = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), "Write dates as YYYY, YYYY-MM or YYYY-MM-DD.");
const urlField = (max: number) => optionalText(max).refine((v) => v === null || safeUrl(v) !== null, "Enter a full web address starting with https://.");

/** How each kind of source field is checked (lib/content/source-fields.ts says which kind each is). */
const KIND_SCHEMAS = {
  type: () => z.enum(SOURCE_TYPES, { error: "Choose a type from the list." }),
  title: (max: number) => z.string().trim().min(1, "Give the source a title.").max(max),
  // "Family, Given; another" as typed, made names by parseAuthorList.
  names: (max: number) => z.string().trim().max(max).optional().default(""),
  text: optionalText,
  date: dateField,
  url: urlField,
  doi: (max: number) => optionalText(max).refine((v) => v === null || normalizeDoi(v) !== null, "A DOI looks like 10.1234/abc (or its doi.org address)."),
} satisfies Record<FieldKind, (max: number) => z.ZodType>;

const FIELD_SCHEMAS = Object.fromEntries(SOURCE_FIELD_NAMES.map((name) => [name, KIND_SCHEMAS[SOURCE_FIELDS[name].kind](SOURCE_FIELDS[name].max)])) as {
  [K in SourceFieldName]: ReturnType<(typeof KIND_SCHEMAS)[SourceFieldKind<K>]>;
};

/** Every field of a source record, as the edit form sends it, with the summary of the change. */
export const SourceFieldsSchema = z.object({ ...FIELD_SCHEMAS, summary: z.string().trim().max(300).optional().default("") });
export type SourceFieldsInput = z.input<typeof SourceFieldsSchema>;

/**
 * A source made in place from the editor's citation tool (typed, or filled in by a look-up): the
 * record's fields, its type a web page or a document when not given.
 */
export const NewSourceSchema = SourceFieldsSchema.omit({ summary: true }).extend({
  type: z.enum(SOURCE_TYPES, { error: "Choose a type from the list." }).optional(),
});

/** `?format=` of a bibliography export. */
export const ExportQuerySchema = z.object({
  format: z.enum(["bibtex", "ris", "csl-json"], { error: "Choose format=bibtex, ris or csl-json." }),
});
