"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { citationCoverage, totalUncited } from "@/lib/content/citation-coverage";
import { LEAD_SECTION } from "@/lib/content/cited-sections";

const paragraphs = (count: number) => `${count} ${count === 1 ? "paragraph" : "paragraphs"}`;

const sectionName = (section: string) => (section === LEAD_SECTION ? "Introduction" : section);

/** Which sections of the text being edited have paragraphs that cite no source, kept current as it is typed. */
export function CitationCoverage({ editor }: { editor: Editor }) {
  const [coverage, setCoverage] = useState(() => citationCoverage(editor.getJSON()));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recompute = () => setCoverage(citationCoverage(editor.getJSON()));
    // Walking the whole document on every keystroke is wasted work: wait for a pause in typing.
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(recompute, 300);
    };
    // The editor may have changed, or been edited, since the first render.
    recompute();
    editor.on("update", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor]);

  const uncited = totalUncited(coverage);
  const sections = coverage.filter((entry) => entry.uncited > 0);

  return (
    <details className="citation-coverage">
      <summary>
        <span className="citation-coverage-count" aria-live="polite">
          {uncited === 0 ? "Every paragraph cites a source" : `${paragraphs(uncited)} without a citation`}
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
