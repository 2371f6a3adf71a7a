/**
 * The namespace and author fields of a GET filter form (recent changes, the review queue).
 * `namespace` is "" for the top level when `topLevel` is offered, undefined for all.
 */
export function FilterFields({ namespaces, namespace, author, topLevel = false }: { namespaces: string[]; namespace?: string; author?: string; topLevel?: boolean }) {
  return (
    <>
      <label>
        Namespace
        <select name="namespace" defaultValue={namespace === "" ? "-" : (namespace ?? "")}>
          <option value="">All</option>
          {topLevel && <option value="-">Top level</option>}
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </label>
      <label>
        Author
        <input name="author" defaultValue={author ?? ""} placeholder="anyone" maxLength={100} />
      </label>
    </>
  );
}
