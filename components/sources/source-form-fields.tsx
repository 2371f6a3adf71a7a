import { SOURCE_FIELD_NAMES, SOURCE_FIELDS, type SourceFieldName, type StoredSourceFields } from "@/lib/content/source-fields";
import { SOURCE_TYPE_NAMES, SOURCE_TYPES } from "@/lib/validation/source";

/** A record's fields as the form shows them: the authors as one line of text. */
export type SourceFormValues = Omit<StoredSourceFields, "authors"> & { authors: string };

/** How the form names each field, also in its list of refusals. */
export const SOURCE_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(SOURCE_FIELD_NAMES.map((name) => [name, SOURCE_FIELDS[name].label])),
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
  const text = (name: SourceFieldName, extra: Record<string, string | number | boolean> = {}) => (
    <>
      <label>
        {SOURCE_FIELDS[name].label}
        <input name={name} defaultValue={values[name] ?? ""} maxLength={SOURCE_FIELDS[name].max} {...extra} {...invalid(name)} />
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
      {text("title", { required: true })}
      <label>
        Authors (Family, Given; another; or an organisation)
        <input name="authors" defaultValue={values.authors} maxLength={SOURCE_FIELDS.authors.max} {...invalid("authors")} />
      </label>
      {error("authors")}
      {text("containerTitle")}
      <div className="field-row">
        {text("volume")}
        {text("issue")}
        {text("page", { placeholder: "45-67" })}
      </div>
      {text("publisher")}
      {text("issued", { placeholder: "YYYY-MM-DD" })}
      {text("url", { type: "url" })}
      {text("doi", { placeholder: "10.1234/abc" })}
      {text("isbn")}
      {text("accessed", { placeholder: "YYYY-MM-DD" })}
      {text("archiveUrl", { type: "url" })}
      <label>
        Note
        <textarea name="note" defaultValue={values.note ?? ""} maxLength={SOURCE_FIELDS.note.max} rows={3} {...invalid("note")} />
      </label>
      {error("note")}
      <label>
        Summary of your change
        <input name="summary" maxLength={300} />
      </label>
    </>
  );
}
