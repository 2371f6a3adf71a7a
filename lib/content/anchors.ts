// Anchors shared by the renderer (server) and the reader's components, kept apart from the
// renderer so browser code can use them without its dependencies.
import { dokuWikiSectionId } from "./dokuwiki-ids";

/** Id of the References section, reserved so no heading can take it. */
export const REFERENCES_ANCHOR = "references";

export const referenceAnchor = (number: number) => `cite-note-${number}`;
export const citationAnchor = (number: number, use: number) => `cite-ref-${number}-${use}`;

/**
 * Gives each heading of one document its anchor, in reading order: DokuWiki's section id, numbered
 * when taken, never the References section's. The reader's sections and search results share it.
 */
export function sectionAnchors(): (headingText: string) => string {
  const taken = new Set([REFERENCES_ANCHOR]);
  return (text) => dokuWikiSectionId(text, taken);
}
