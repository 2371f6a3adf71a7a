import { SOURCE_FIELD_NAMES, SOURCE_FIELDS, type StoredSourceFields } from "./source-fields";

/** A CSL name: a person's family and given names, or an organisation's name as `literal`. */
export type CslName = { family?: string; given?: string; literal?: string };

/** The fields of a library record as read from a file or a look-up. */
export type CslSourceFields = Omit<StoredSourceFields, "authors" | "archiveUrl"> & { authors: CslName[] };

/** A source as a CSL-JSON item, the form citation processors and bibliographic formats share. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  "container-title"?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  issued?: { "date-parts": number[][] };
  accessed?: { "date-parts": number[][] };
  URL?: string;
  DOI?: string;
  ISBN?: string;
  note?: string;
}

/** What a library record holds, as the conversion reads it: the fields every reader of sources has, and those some lack. */
export type SourceFieldsForCsl = { id: string } & Omit<CslSourceFields, OptionalField> & Partial<Pick<CslSourceFields, OptionalField>>;
type OptionalField = "volume" | "issue" | "page" | "doi" | "isbn" | "note";

/** "2026-03-14" → CSL date parts [[2026, 3, 14]]; partial dates keep what they have. */
export function cslDate(date: string | null): { "date-parts": number[][] } | undefined {
  const parts = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  return parts ? { "date-parts": [parts.slice(1).filter(Boolean).map(Number)] } : undefined;
}

/** The fields CSL-JSON has a variable for, beside the type and title every item has. */
const CSL_FIELDS = SOURCE_FIELD_NAMES.flatMap((name) => {
  const { kind, csl } = SOURCE_FIELDS[name];
  return csl && kind !== "type" && kind !== "title" ? [{ name, kind, csl }] : [];
});

/** A library record as a CSL-JSON item, leaving out empty fields. */
export function toCslItem(source: SourceFieldsForCsl): CslItem {
  const item: Record<string, unknown> = { id: source.id, type: source.type, title: source.title };
  for (const { name, kind, csl } of CSL_FIELDS) {
    const value = source[name as keyof SourceFieldsForCsl];
    if (kind === "names") {
      if (source.authors.length) item[csl] = source.authors;
    } else if (kind === "date") {
      const date = cslDate(value as string | null);
      if (date) item[csl] = date;
    } else if (value) item[csl] = value;
  }
  return item as unknown as CslItem;
}

type DateParts = { "date-parts"?: unknown[][] } | undefined;

/** CSL date parts [[2026, 3, 14]] → "2026-03-14" (or "2026-03", "2026"); null when there is no year. */
export function isoDate(date: DateParts): string | null {
  const parts = date?.["date-parts"]?.[0]?.map(Number).filter((n) => Number.isInteger(n)) ?? [];
  if (!parts.length || parts[0] < 1000 || parts[0] > 9999) return null;
  return parts
    .slice(0, 3)
    .map((n, i) => String(n).padStart(i ? 2 : 4, "0"))
    .join("-");
}

/** A CSL-JSON item (as read from a file) as the fields of a library record; `types` lists the types kept as they are. */
export function sourceFieldsFromCsl(item: Record<string, unknown>, types: readonly string[]): CslSourceFields {
  // Files write volume, issue and page as numbers as often as text.
  const text = (key: string) => {
    const value = typeof item[key] === "number" ? String(item[key]) : item[key];
    return typeof value === "string" && value.trim() ? value.trim() : null;
  };
  const fields: Record<string, unknown> = {};
  for (const { name, kind, csl } of CSL_FIELDS) {
    if (kind === "names") {
      const names = Array.isArray(item[csl]) ? (item[csl] as Record<string, unknown>[]) : [];
      fields[name] = names
        .map((n) =>
          typeof n.literal === "string"
            ? { literal: n.literal }
            : { family: typeof n.family === "string" ? n.family : undefined, given: typeof n.given === "string" ? n.given : undefined },
        )
        .filter((n) => ("literal" in n ? n.literal : n.family || n.given));
    } else fields[name] = kind === "date" ? isoDate(item[csl] as DateParts) : text(csl);
  }
  return { ...(fields as Omit<CslSourceFields, "type" | "title">), type: types.includes(String(item.type)) ? String(item.type) : "document", title: text("title") ?? "(untitled)" };
}
