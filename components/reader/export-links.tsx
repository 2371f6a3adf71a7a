const FORMATS = [
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
] as const;

/** Download links for a bibliography in each format Palimpsest writes. */
export function ExportLinks({ base, what }: { base: string; what: string }) {
  return (
    <p className="export-links">
      Download {what}:{" "}
      {FORMATS.map(([format, label], i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={`${base}?format=${format}`} download>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}
