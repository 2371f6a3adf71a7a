import { type NodeJSON, textContent } from "./document";

/** The lead of an article: what comes before its first heading. */
export const LEAD_SECTION = "(lead)";

/** A section whose heading has no text. */
export const UNTITLED_SECTION = "(untitled section)";

/**
 * Walks a document depth first, in reading order, calling `visit` on each node with the name of the section it
 * sits in: {@link LEAD_SECTION} before the first heading, then the heading's text (or {@link UNTITLED_SECTION}).
 * A heading is visited as the first node of the section it opens, and what is inside it is not walked. When
 * `visit` returns false, the node's content is skipped.
 */
export function walkSections(doc: NodeJSON, visit: (node: NodeJSON, section: string) => boolean | void): void {
  let section = LEAD_SECTION;
  const step = (node: NodeJSON) => {
    if (node.type === "heading") section = textContent(node).trim() || UNTITLED_SECTION;
    if (visit(node, section) === false || node.type === "heading") return;
    for (const child of node.content ?? []) step(child);
  };
  step(doc);
}

/**
 * Where a document cites a source (by any of its ids: a merged record's too): each section (by its heading's text, or {@link LEAD_SECTION})
 * with how many markers there cite it, in reading order.
 */
export function citedSections(doc: NodeJSON, sourceIds: ReadonlySet<string>): { section: string; uses: number }[] {
  const sections: { section: string; uses: number }[] = [];
  walkSections(doc, (node, section) => {
    if (node.type !== "citation" || !sourceIds.has(String(node.attrs?.sourceId))) return;
    const last = sections.at(-1);
    if (last?.section === section) last.uses++;
    else sections.push({ section, uses: 1 });
  });
  return sections;
}
