import type { TocEntry } from "@/lib/content/render";

function Entries({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`}>
            <span className="toc-number">{entry.number}</span> {entry.text}
          </a>
          {entry.children.length > 0 && <Entries entries={entry.children} />}
        </li>
      ))}
    </ol>
  );
}

/** The sections of an article; a disclosure that works without JavaScript. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <details open>
        <summary>
          <h2 id="toc-heading">Contents</h2>
        </summary>
        <Entries entries={entries} />
      </details>
    </nav>
  );
}
