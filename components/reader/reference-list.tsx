import { REFERENCES_ANCHOR, referenceAnchor } from "@/lib/content/anchors";
import type { Reference } from "@/lib/content/render";
import { ExportLinks } from "./export-links";
import { SourceCitation } from "./source-citation";

/** The letter of one use of a source (a, b, … z, a1, …), as Wikipedia marks them. */
const letterOfUse = (index: number) => String.fromCharCode(97 + (index % 26)) + (index >= 26 ? Math.floor(index / 26) : "");

/** The References section: each source once, numbered, with links back to every place it is cited. */
export function ReferenceList({ references, pageId }: { references: Reference[]; pageId?: string }) {
  return (
    <section className="references" aria-labelledby={REFERENCES_ANCHOR}>
      <h2 id={REFERENCES_ANCHOR}>References</h2>
      <ol>
        {references.map((ref) => (
          <li key={ref.number} id={referenceAnchor(ref.number)} value={ref.number}>
            <span className="backlinks">
              {ref.uses.length === 1 ? (
                <a href={`#${ref.uses[0].anchor}`} aria-label={`Back to citation ${ref.number}`}>
                  ^
                </a>
              ) : (
                <>
                  <span aria-hidden="true">^ </span>
                  {ref.uses.map((use, i) => (
                    <a key={use.anchor} href={`#${use.anchor}`} aria-label={`Back to citation ${ref.number}, use ${i + 1}`}>
                      <sup>{letterOfUse(i)}</sup>
                    </a>
                  ))}
                </>
              )}
            </span>{" "}
            {ref.note ? (
              // The note as written (an imported footnote); lib/content/render made it safe HTML. As a
              // `source` it is what citation previews show.
              <span className="source reference-note" dangerouslySetInnerHTML={{ __html: ref.note }} />
            ) : ref.source ? (
              <SourceCitation html={ref.formatted} title={ref.source.title} />
            ) : (
              <span className="source-missing">This source has been removed from the library.</span>
            )}
            {ref.uses.some((u) => u.locator || u.quote) && (
              <ul className="reference-uses">
                {ref.uses
                  .map((u, i) => ({ ...u, label: ref.uses.length > 1 ? `${letterOfUse(i)}. ` : "" }))
                  .filter((u) => u.locator || u.quote)
                  .map((u) => (
                    <li key={u.anchor} data-use={u.anchor}>
                      {u.label && <span className="use-label">{u.label}</span>}
                      {u.locator}
                      {u.locator && u.quote && ": "}
                      {u.quote && <q>{u.quote}</q>}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {pageId && <ExportLinks base={`/api/pages/${encodeURIComponent(pageId)}/bibliography`} what="these references" />}
    </section>
  );
}
