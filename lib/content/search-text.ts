// A document as search sees it: plain text by section, each with the anchor readers' headings get.
import { sectionAnchors } from "./anchors";
import { citationNote, type NodeJSON } from "./document";

export interface TextSection {
  /** The heading's anchor; "" for the text before the first heading. */
  anchor: string;
  heading: string;
  text: string;
}

export interface SearchableText {
  sections: TextSection[];
  /** The citations' notes as written, in reading order. */
  notes: string[];
}

/** Blocks whose text is kept apart from the next block's by a space. */
const INLINE = new Set(["text", "hardBreak", "citation"]);

/**
 * The plain text of a document, split at its headings (any level) into sections, with the
 * anchors the renderer gives those headings, and its citations' notes.
 */
export function searchableText(doc: NodeJSON): SearchableText {
  const anchor = sectionAnchors();
  const notes: string[] = [];
  const sections: TextSection[] = [{ anchor: "", heading: "", text: "" }];
  const plain = (node: NodeJSON): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return " ";
    if (node.type === "citation") {
      const note = citationNote(node);
      if (note) notes.push(note.map(plain).join("").trim());
      return "";
    }
    const parts = (node.content ?? []).map(plain);
    return INLINE.has(node.content?.[0]?.type ?? "") ? parts.join("") : parts.join(" ");
  };
  for (const block of doc.content ?? []) {
    if (block.type === "heading") {
      const heading = plain(block).trim();
      sections.push({ anchor: anchor(heading), heading, text: "" });
      continue;
    }
    const section = sections.at(-1)!;
    const text = plain(block).replace(/\s+/g, " ").trim();
    if (text) section.text = section.text ? `${section.text} ${text}` : text;
  }
  return { sections: sections.filter((s, i) => i > 0 || s.text), notes: notes.filter(Boolean) };
}
