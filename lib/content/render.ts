import sanitizeHtml from "sanitize-html";
import { citationAnchor, REFERENCES_ANCHOR, referenceAnchor, sectionAnchors } from "./anchors";
import type { MarkJSON, NodeJSON } from "./document";
import { citationNumbering } from "./extensions/citation";
import type { CitationUse, Reading, RenderContext, RenderSource } from "./extensions/reading";
import { MARK_READERS, NODE_READERS } from "./extensions/readers";
import { escapeHtml } from "./html";
import { SAFE_URL_PROTOCOLS } from "./url";

export { citationAnchor, REFERENCES_ANCHOR, referenceAnchor };
export type { RenderContext, RenderMedia, RenderSource } from "./extensions/reading";

export interface TocEntry {
  id: string;
  text: string;
  /** "1", "1.2", … as in the section numbering readers see. */
  number: string;
  children: TocEntry[];
}

export interface Reference {
  number: number;
  /** The source, or null when the citation points at a source that no longer exists. */
  source: RenderSource | null;
  sourceId: string;
  /** Anchors of each marker citing this source, in reading order. */
  uses: { anchor: string; locator: string | null; quote: string | null }[];
  /** The citations' note as written (safe HTML), when they have one; shown in place of the bare source. */
  note: string | null;
  /** The source as a bibliography entry in the site's citation style (safe HTML), once formatted. */
  formatted?: string;
}

export interface RenderedArticle {
  /** Sanitised HTML of the article body. */
  html: string;
  toc: TocEntry[];
  references: Reference[];
}

/**
 * Renders a stored document as readers see it: sections with anchors (DokuWiki's section ids, so
 * links written for a DokuWiki keep working) and a table of contents,
 * internal links marked when their page is missing, citations numbered one per source in reading
 * order. Text and attributes are escaped as they are written, and the result is sanitised again
 * against an allow-list, so stored content never becomes markup or script. A node or mark the
 * schema does not know is an error, never shown as something else (validation refuses them).
 */
export function renderArticle(doc: NodeJSON, context: RenderContext): RenderedArticle {
  const renderer = new Renderer(context);
  const html = renderer.nodes(doc.content ?? []);
  return { html: sanitizeArticleHtml(html), toc: renderer.toc(), references: renderer.references().map((r) => ({ ...r, note: r.note && sanitizeArticleHtml(r.note) })) };
}

/**
 * One render of one document: walks it with each node's and mark's reader (extensions/readers.ts),
 * noting its headings and citations as it goes for the contents and the References.
 */
class Renderer implements Reading {
  private sectionAnchor = sectionAnchors();
  private headings: { level: number; id: string; text: string }[] = [];
  private numberOf = citationNumbering();
  private cited = new Map<number, Reference>();

  constructor(readonly context: RenderContext) {}

  nodes(nodes: NodeJSON[]): string {
    return nodes.map((node) => this.node(node)).join("");
  }

  children(node: NodeJSON): string {
    return this.nodes(node.content ?? []);
  }

  private node(node: NodeJSON): string {
    if (node.type === "text") return this.text(node.text ?? "", node.marks ?? []);
    const reader = NODE_READERS[node.type];
    // Validation refuses nodes the schema does not know, and every node of the schema has a reader.
    if (!reader) throw new Error(`Readers have no rendering for the node "${node.type}".`);
    return reader(node, this);
  }

  text(text: string, marks: MarkJSON[]): string {
    let html = escapeHtml(text);
    // Marks are stored outermost first; wrap from the innermost out.
    for (const mark of [...marks].reverse()) {
      const reader = MARK_READERS[mark.type];
      if (!reader) throw new Error(`Readers have no rendering for the mark "${mark.type}".`);
      html = reader(mark, html, text, this);
    }
    return html;
  }

  heading(level: number, text: string): string {
    const id = this.sectionAnchor(text);
    this.headings.push({ level, id, text });
    return id;
  }

  cite({ sourceId, source, note, noteHtml, locator, quote }: CitationUse): { number: number; anchor: string } {
    const number = this.numberOf(sourceId, note);
    let reference = this.cited.get(number);
    if (!reference) this.cited.set(number, (reference = { number, sourceId, source, uses: [], note: noteHtml }));
    const anchor = citationAnchor(number, reference.uses.length);
    reference.uses.push({ anchor, locator, quote });
    return { number, anchor };
  }

  toc(): TocEntry[] {
    const root: TocEntry[] = [];
    const stack: { level: number; entry: TocEntry }[] = [];
    for (const { level, id, text } of this.headings) {
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      const siblings = stack.length ? stack.at(-1)!.entry.children : root;
      const prefix = stack.length ? `${stack.at(-1)!.entry.number}.` : "";
      const entry: TocEntry = { id, text, number: `${prefix}${siblings.length + 1}`, children: [] };
      siblings.push(entry);
      stack.push({ level, entry });
    }
    if (this.cited.size) root.push({ id: REFERENCES_ANCHOR, text: "References", number: String(root.length + 1), children: [] });
    return root;
  }

  references(): Reference[] {
    return [...this.cited.values()];
  }
}

/** Defence in depth: whatever the renderer wrote, only these tags, attributes and schemes survive. */
function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "strong",
      "em",
      "u",
      "s",
      "code",
      "pre",
      "a",
      "ul",
      "ol",
      "li",
      "blockquote",
      "hr",
      "br",
      "div",
      "table",
      "tbody",
      "tr",
      "th",
      "td",
      "sup",
      "sub",
      "span",
      "figure",
      "figcaption",
      "picture",
      "source",
      "img",
    ],
    allowedAttributes: {
      a: ["href", "class", "rel", "title"],
      h1: ["id"],
      h2: ["id"],
      h3: ["id"],
      h4: ["id"],
      h5: ["id"],
      sup: ["id", "class"],
      span: ["class"],
      div: ["class"],
      code: ["class"],
      ol: ["start"],
      figure: ["class"],
      source: ["type", "srcset", "sizes"],
      img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"],
      th: ["colspan", "rowspan", "style"],
      td: ["colspan", "rowspan", "style"],
    },
    allowedStyles: { "*": { "text-align": [/^(left|center|right)$/] } },
    allowedSchemes: SAFE_URL_PROTOCOLS.map((p) => p.slice(0, -1)),
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
  });
}
