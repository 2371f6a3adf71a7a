"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useMemo } from "react";
import { citationCoverage, totalUncited } from "@/lib/content/citation-coverage";
import { LEAD_SECTION } from "@/lib/content/cited-sections";

const paragraphs = (count: number) => `${count} ${count === 1 ? "paragraph" : "paragraphs"}`;

const sectionName = (section: string) => (section === LEAD_SECTION ? "Introduction" : section);

/**
 * Which sections of the text being edited have paragraphs that cite no source, kept current as it is typed.
 *
 * Counted again as soon as the document changes, not after a pause in typing: a delayed count showed the
 * previous one meanwhile, so a new page with paragraphs just typed still read "Every paragraph cites a source"
 * (what an empty document counts as). The document is immutable, so it is walked only when it changes.
 */
export function CitationCoverage({ editor }: { editor: Editor }) {
  // Reads `editor` itself, not the snapshot's, which is stale until the first transaction.
  const doc = useEditorState({ editor, selector: () => editor.state.doc, equalityFn: (a, b) => a === b });
  const coverage = useMemo(() => citationCoverage(doc.toJSON()), [doc]);

  const uncited = totalUncited(coverage);
  const total = coverage.reduce((sum, entry) => sum + entry.paragraphs, 0);
  const sections = coverage.filter((entry) => entry.uncited > 0);

  return (
    <details className="citation-coverage">
      <summary>
        <span className="citation-coverage-count" aria-live="polite">
          {uncited > 0 ? `${paragraphs(uncited)} without a citation` : total === 0 ? "No paragraphs to cite yet" : "Every paragraph cites a source"}
        </span>
      </summary>
      {sections.length > 0 && (
        <ul className="citation-coverage-sections">
          {sections.map((entry, index) => (
            <li key={index}>
              {sectionName(entry.section)}: {entry.uncited} of {paragraphs(entry.paragraphs)} uncited
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
