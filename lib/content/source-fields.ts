// The fields of a library record, defined once. The database's selects (lib/wiki), the zod schema
// (lib/validation/source.ts), the record's form and page, and the conversion to and from CSL-JSON
// (csl.ts) all derive from this list: a field is added here, in the Prisma schemas and nowhere else.

/** What a field holds, which decides how it is checked and converted. */
export type FieldKind = "type" | "title" | "names" | "text" | "date" | "url" | "doi";

interface FieldSpec {
  /** How people read the field's name. */
  label: string;
  kind: FieldKind;
  /** The longest value taken, in characters. */
  max: number;
  /** The CSL-JSON variable it is; null for a field CSL has no variable for. */
  csl: string | null;
}

export const SOURCE_FIELDS = {
  type: { label: "Type", kind: "type", max: 50, csl: "type" },
  title: { label: "Title", kind: "title", max: 500, csl: "title" },
  authors: { label: "Authors", kind: "names", max: 2000, csl: "author" },
  containerTitle: { label: "Published in", kind: "text", max: 500, csl: "container-title" },
  volume: { label: "Volume", kind: "text", max: 50, csl: "volume" },
  issue: { label: "Issue", kind: "text", max: 50, csl: "issue" },
  page: { label: "Pages", kind: "text", max: 50, csl: "page" },
  publisher: { label: "Publisher", kind: "text", max: 300, csl: "publisher" },
  issued: { label: "Date", kind: "date", max: 10, csl: "issued" },
  url: { label: "Address (URL)", kind: "url", max: 2000, csl: "URL" },
  doi: { label: "DOI", kind: "doi", max: 300, csl: "DOI" },
  isbn: { label: "ISBN", kind: "text", max: 40, csl: "ISBN" },
  accessed: { label: "Accessed", kind: "date", max: 10, csl: "accessed" },
  archiveUrl: { label: "Archived copy", kind: "url", max: 2000, csl: null },
  note: { label: "Note", kind: "text", max: 2000, csl: "note" },
} as const satisfies Record<string, FieldSpec>;

export type SourceFieldName = keyof typeof SOURCE_FIELDS;
export type SourceFieldKind<K extends SourceFieldName> = (typeof SOURCE_FIELDS)[K]["kind"];

/** The fields in the order forms and pages show them. */
export const SOURCE_FIELD_NAMES = Object.keys(SOURCE_FIELDS) as SourceFieldName[];

/** The fields that may be empty (null): all but the type, the title and the authors. */
export type OptionalSourceField = Exclude<SourceFieldName, "type" | "title" | "authors">;

/** A record's fields as stored: its authors as CSL-JSON names in text, the rest as written or null. */
export type StoredSourceFields = { type: string; title: string; authors: string } & { [K in OptionalSourceField]: string | null };

/** Every field, for a Prisma `select`. */
export const SOURCE_FIELD_SELECT = Object.fromEntries(SOURCE_FIELD_NAMES.map((name) => [name, true])) as { [K in SourceFieldName]: true };

/** A record with nothing filled in. */
export const EMPTY_SOURCE_FIELDS: StoredSourceFields = {
  ...(Object.fromEntries(SOURCE_FIELD_NAMES.map((name) => [name, null])) as { [K in OptionalSourceField]: null }),
  type: "webpage",
  title: "",
  authors: "[]",
};
