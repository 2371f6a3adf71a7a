import { type NodeJSON, textContent } from "./document";

/** The lead of an article: what comes before its first heading. */
export const LEAD_SECTION = "(lead)";

/**
 * Where a document cites a source (by any of its ids: a merged record's too): each section (by its heading's text, or {@link LEAD_SECTION})
 * with how many markers there cite it, in reading order.
 */
export function citedSections(doc: NodeJSON, sourceIds: ReadonlySet<string>): { section: string; uses: number }[] {
  const sections: { section: string; uses: number }[] = [];
  let current = LEAD_SECTION;
  const visit = (node: NodeJSON) => {
    if (node.type === "heading") {
      current = textContent(node).trim() || "(untitled section)";
      return;
    }
    if (node.type === "citation" && sourceIds.has(String(node.attrs?.sourceId))) {
      const last = sections.at(-1);
      if (last?.section === current) last.uses++;
      else sections.push({ section: current, uses: 1 });
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return sections;
}
