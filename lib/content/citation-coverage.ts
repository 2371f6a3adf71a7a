import { LEAD_SECTION, walkSections } from "./cited-sections";
import { collectCitations, type NodeJSON } from "./document";

/** How much of one section's prose carries a citation. */
export interface SectionCoverage {
  /** The section's name as `citedSections` gives it: the heading's text, `LEAD_SECTION` or `UNTITLED_SECTION`. */
  section: string;
  /** The heading's level; 0 for the lead. */
  level: number;
  /** Paragraphs of prose, counted one by one wherever they sit (lists, quotes), tables aside. */
  paragraphs: number;
  /** Those of them with no citation. */
  uncited: number;
}

/** Marks that make text a link to somewhere else. */
const LINK_MARKS = new Set(["wikiLink", "link"]);

/**
 * Whether a paragraph is prose: it has some text, and not all of it is linked. A paragraph of links alone
 * (an entry of a "See also" list) points elsewhere rather than making a claim.
 */
function isProse(paragraph: NodeJSON): boolean {
  return (paragraph.content ?? []).some((node) => node.type === "text" && node.text?.trim() && !node.marks?.some((mark) => LINK_MARKS.has(mark.type)));
}

/**
 * Per section, in reading order, how many paragraphs of prose carry no citation: the lead only when it has
 * such paragraphs, every headed section even when it has none. Sections are cut and named as `citedSections`
 * cuts and names them.
 */
export function citationCoverage(doc: NodeJSON): SectionCoverage[] {
  const sections: SectionCoverage[] = [];
  walkSections(doc, (node, section) => {
    switch (node.type) {
      case "heading":
        sections.push({ section, level: Number(node.attrs?.level ?? 2), paragraphs: 0, uncited: 0 });
        return;
      case "table":
        // Cells hold figures and labels rather than claims made in prose.
        return false;
      case "paragraph": {
        if (!isProse(node)) return false;
        // Before any heading, this is the lead's first paragraph of prose.
        if (sections.length === 0) sections.push({ section: LEAD_SECTION, level: 0, paragraphs: 0, uncited: 0 });
        const current = sections[sections.length - 1];
        current.paragraphs++;
        if (collectCitations(node).length === 0) current.uncited++;
        return false;
      }
    }
  });
  return sections;
}

/** Uncited paragraphs over the whole document. */
export function totalUncited(coverage: readonly SectionCoverage[]): number {
  return coverage.reduce((sum, section) => sum + section.uncited, 0);
}
