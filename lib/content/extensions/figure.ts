import { mergeAttributes, Node } from "@tiptap/core";
import type { NodeJSON } from "../document";

export const FIGURE_ALIGNMENTS = ["left", "center", "right"] as const;
export type FigureAlignment = (typeof FIGURE_ALIGNMENTS)[number];

export interface FigureAttributes {
  /** The media library name of the file shown (`models:chart.png`). */
  media: string;
  /** Alt text for this use of the picture; null to use the file's own. */
  alt: string | null;
  /** Width to show it at, in CSS pixels; null for the column's width (never wider than the picture). */
  width: number | null;
  align: FigureAlignment | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attributes: FigureAttributes & { caption?: string }) => ReturnType;
    };
  }
}

const positiveWidth = (value: unknown): number | null => {
  const width = Number(value);
  return Number.isInteger(width) && width > 0 && width <= 4000 ? width : null;
};

const alignment = (value: unknown): FigureAlignment | null => ((FIGURE_ALIGNMENTS as readonly unknown[]).includes(value) ? (value as FigureAlignment) : null);

/**
 * A picture (or other file) from the media library with a caption, which may hold links and
 * citations. The document names the file, not a version: which version a revision shows is decided
 * when it is rendered (docs/decisions/0008-media.md).
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "inline*",
  draggable: true,
  isolating: true,

  addAttributes() {
    return {
      media: { default: "", parseHTML: (el) => el.getAttribute("data-media") ?? "", renderHTML: (attrs) => ({ "data-media": String(attrs.media ?? "") }) },
      alt: { default: null, parseHTML: (el) => el.getAttribute("data-alt"), renderHTML: (attrs) => (attrs.alt == null ? {} : { "data-alt": String(attrs.alt) }) },
      width: {
        default: null,
        parseHTML: (el) => positiveWidth(el.getAttribute("data-width")),
        renderHTML: (attrs) => (positiveWidth(attrs.width) ? { "data-width": String(attrs.width) } : {}),
      },
      align: {
        default: null,
        parseHTML: (el) => alignment(el.getAttribute("data-align")),
        renderHTML: (attrs) => (alignment(attrs.align) ? { "data-align": String(attrs.align) } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-media]", contentElement: "figcaption" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes, { class: "figure" }), ["figcaption", 0]];
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...attrs }) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs, content: caption ? [{ type: "text", text: caption }] : [] }),
    };
  },
});

/** The media names a document's figures show, each once, in reading order. */
export function collectFigureMedia(doc: NodeJSON): string[] {
  const names = new Set<string>();
  const visit = (node: NodeJSON) => {
    if (node.type === "figure" && typeof node.attrs?.media === "string" && node.attrs.media) names.add(node.attrs.media);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...names];
}

/** A figure's alignment and width as stored, checked (stored JSON is trusted no further than this). */
export function figureLayout(attrs: Record<string, unknown>): { align: FigureAlignment | null; width: number | null } {
  return { align: alignment(attrs.align), width: positiveWidth(attrs.width) };
}
