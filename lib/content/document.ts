import { Mark as PMMark } from "@tiptap/pm/model";
import { sectionAnchors } from "./anchors";
import { type CitationAttributes, citationNote, collectFigureMedia, type WikiLinkAttributes } from "./extensions";

export { citationNote };
import { schema } from "./schema";

/** A mark in the editor's JSON form. */
export interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node in the editor's JSON form: what revisions store. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  marks?: MarkJSON[];
  text?: string;
}

export interface DocumentJSON extends NodeJSON {
  type: "doc";
  content: NodeJSON[];
}

/** Calls `visit` on every node, depth first, in reading order. */
export function walk(node: NodeJSON, visit: (node: NodeJSON) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** The citations of a document in reading order. */
export function collectCitations(doc: NodeJSON): CitationAttributes[] {
  const citations: CitationAttributes[] = [];
  walk(doc, (node) => {
    if (node.type !== "citation") return;
    const attrs = node.attrs ?? {};
    citations.push({
      sourceId: String(attrs.sourceId ?? ""),
      locator: (attrs.locator as string | null) ?? null,
      quote: (attrs.quote as string | null) ?? null,
    });
  });
  return citations;
}

/** The distinct page ids a document links to, in order of first appearance. */
export function collectLinkTargets(doc: NodeJSON): string[] {
  const targets = new Set<string>();
  const visit = (node: NodeJSON) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === "wikiLink") targets.add((mark.attrs as unknown as WikiLinkAttributes).target);
    }
    // Links in a citation's note are links of the page too.
    if (node.type === "citation") citationNote(node)?.forEach(visit);
  };
  walk(doc, visit);
  return [...targets].filter(Boolean);
}

/**
 * The files a document's figures show, each with the section it is in: its anchor (the renderer's)
 * and heading, both "" before the first heading; each pair once, in reading order.
 */
export function collectFigureUses(doc: NodeJSON): { mediaName: string; section: string; heading: string }[] {
  const anchor = sectionAnchors();
  const uses = new Map<string, { mediaName: string; section: string; heading: string }>();
  let section = "";
  let heading = "";
  for (const block of doc.content ?? []) {
    if (block.type === "heading") {
      heading = textContent(block).trim();
      section = anchor(heading);
    } else {
      for (const mediaName of collectFigureMedia(block)) uses.set(`${mediaName}\u0000${section}`, { mediaName, section, heading });
    }
  }
  return [...uses.values()];
}

/**
 * The document without the empty paragraphs at its end (an editor leaves one after a figure or a
 * table, and they would show in diffs as added paragraphs); a document that is only empty
 * paragraphs keeps one, since a document holds at least one block.
 */
export function withoutTrailingEmptyParagraphs(doc: DocumentJSON): DocumentJSON {
  const blocks = doc.content ?? [];
  let end = blocks.length;
  while (end > 1 && blocks[end - 1].type === "paragraph" && !blocks[end - 1].content?.length) end--;
  return end === blocks.length ? doc : { ...doc, content: blocks.slice(0, end) };
}

/**
 * A revision's stored document. Documents are checked against the schema when saved, and a
 * revision never changes, so what is stored is read as it is: this is the one place that says so.
 */
export function storedDocument(content: string): DocumentJSON {
  return JSON.parse(content) as DocumentJSON;
}

/** A copy of the document with every citation's source id passed through `map`. */
export function mapCitationSources(doc: DocumentJSON, map: (sourceId: string) => string): DocumentJSON {
  const copy = (node: NodeJSON): NodeJSON => ({
    ...node,
    ...(node.type === "citation" ? { attrs: { ...node.attrs, sourceId: map(String(node.attrs?.sourceId)) } } : {}),
    ...(node.content ? { content: node.content.map(copy) } : {}),
  });
  return copy(doc) as DocumentJSON;
}

/** Marks in the schema's order, duplicates of one type dropped: the form ProseMirror checks. */
export function orderMarks(marks: MarkJSON[]): MarkJSON[] {
  return PMMark.setFrom(marks.map((mark) => schema.markFromJSON(mark))).map((mark) => mark.toJSON() as MarkJSON);
}

/** Plain text of a node (text, with a space for each hard break). */
export function textContent(node: NodeJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(textContent).join("");
}

/** Stable JSON (keys sorted) so equal documents hash equally whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
