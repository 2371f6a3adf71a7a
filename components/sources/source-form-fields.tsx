import type { CslSourceFields } from "@/lib/content/csl";
import { MAX_TITLE_LENGTH, SOURCE_TYPE_NAMES, SOURCE_TYPES } from "@/lib/validation/source";

/** A record's fields as the form shows them: the authors as one line of text, and its archived copy. */
export type SourceFormValues = Omit<CslSourceFields, "authors"> & { authors: string; archiveUrl: string | null };

/** How the form names each field, also in its list of refusals. */
export const SOURCE_FIELD_LABELS: Record<string, string> = {
  type: "Type",
  title: "Title",
  authors: "Authors",
  containerTitle: "Published in",
  volume: "Volume",
  issue: "Issue",
  page: "Pages",
  publisher: "Publisher",
  issued: "Date",
  url: "Address (URL)",
  doi: "DOI",
  isbn: "ISBN",
  accessed: "Accessed",
  archiveUrl: "Archived copy",
  note: "Note",
  summary: "Summary",
};

/**
 * The fields of a source record (CSL-JSON), filled with its current values; a refused field says
 * why beside itself.
 */
export function SourceFormFields({ values, errors = {} }: { values: SourceFormValues; errors?: Record<string, string> }) {
  const errorId = (name: string) => `source-field-${name}-error`;
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": errorId(name) } : {});
  const error = (name: string) =>
    errors[name] && (
      <span id={errorId(name)} className="field-error">
        {errors[name]}
      </span>
    );
  // The reason sits after its label, not in it, so it describes the field without renaming it.
  const text = (name: keyof SourceFormValues, extra: Record<string, string | number | boolean> = {}) => (
    <>
      <label>
        {SOURCE_FIELD_LABELS[name]}
        <input name={name} defaultValue={values[name] ?? ""} {...extra} {...invalid(name)} />
      </label>
      {error(name)}
    </>
  );
  return (
    <>
      <label>
        Type
        <select name="type" defaultValue={values.type}>
          {SOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SOURCE_TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      </label>
      {text("title", { required: true, maxLength: MAX_TITLE_LENGTH })}
      <label>
        Authors (Family, Given; another; or an organisation)
        <input name="authors" defaultValue={values.authors} maxLength={2000} {...invalid("authors")} />
      </label>
      {error("authors")}
      {text("containerTitle", { maxLength: 500 })}
      <div className="field-row">
        {text("volume", { maxLength: 50 })}
        {text("issue", { maxLength: 50 })}
        {text("page", { maxLength: 50, placeholder: "45-67" })}
      </div>
      {text("publisher", { maxLength: 300 })}
      {text("issued", { placeholder: "YYYY-MM-DD", maxLength: 10 })}
      {text("url", { type: "url", maxLength: 2000 })}
      {text("doi", { placeholder: "10.1234/abc", maxLength: 300 })}
      {text("isbn", { maxLength: 40 })}
      {text("accessed", { placeholder: "YYYY-MM-DD", maxLength: 10 })}
      {text("archiveUrl", { type: "url", maxLength: 2000 })}
      <label>
        Note
        <textarea name="note" defaultValue={values.note ?? ""} maxLength={2000} rows={3} {...invalid("note")} />
      </label>
      {error("note")}
      <label>
        Summary of your change
        <input name="summary" maxLength={300} />
      </label>
    </>
  );
}
