import { mergeAttributes, Node } from "@tiptap/core";
import type { NodeJSON } from "../document";
import { attributes, escapeHtml } from "../html";
import type { NodeReader } from "./reading";

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

/**
 * Readers see a figure as the picture from its thumbnails (AVIF, else the original's format) with
 * its width and height set so the page does not move as it loads, loaded lazily, linking to its page
 * in the library; a file that is no picture as a link; a name with no file as a missing file
 * offering the upload, as a missing page link offers to write it.
 */
export const figureReader: NodeReader = (node, reading) => {
  const attrs = node.attrs ?? {};
  const name = String(attrs.media ?? "");
  const { align, width } = figureLayout(attrs);
  const media = reading.context.media?.get(name);
  const caption = reading.children(node);
  const classes = ["figure", align ? `figure-${align}` : null, media ? null : "figure-missing"].filter(Boolean).join(" ");
  const figcaption = caption ? `<figcaption>${caption}</figcaption>` : "";
  if (!media) {
    const href = `/media?${new URLSearchParams({ upload: name })}`;
    return `<figure${attributes({ class: classes })}><a${attributes({ href, class: "media-missing", title: `${name} (file does not exist)` })}>${escapeHtml(name || "A file")}<span class="visually-hidden"> (file does not exist)</span></a>${figcaption}</figure>`;
  }
  if (!media.picture || !media.width || !media.height) {
    return `<figure${attributes({ class: classes })}><a${attributes({ href: media.url, class: "media-file" })}>${escapeHtml(name)}</a> <span class="media-label">(${escapeHtml(media.label)})</span>${figcaption}</figure>`;
  }
  const shown = Math.min(width ?? media.width, media.width);
  const height = Math.max(1, Math.round((media.height * shown) / media.width));
  // A figure is shown at one width (narrower only on a narrower screen): the size for it and the
  // size for dense screens are all a browser needs, named by density.
  type Sized = { width: number; url: string };
  const atLeast = (list: Sized[], wanted: number) => list.find((s) => s.width >= wanted) ?? list.at(-1)!;
  const srcset = (list: Sized[]) => {
    const [one, two] = [atLeast(list, shown), atLeast(list, 2 * shown)];
    return one === two ? one.url : `${one.url}, ${two.url} 2x`;
  };
  const largest = atLeast(media.picture.fallback, 2 * shown);
  const alt = typeof attrs.alt === "string" ? attrs.alt : media.alt;
  return (
    `<figure${attributes({ class: classes })}><a${attributes({ href: media.href, class: "media-link" })}><picture>` +
    `<source${attributes({ type: "image/avif", srcset: srcset(media.picture.avif) })}>` +
    // A browser without AVIF (few are left) gets one size in the original's format, sharp on dense
    // screens: every other source would weigh on every reading of the page, for everyone.
    `<img${attributes({ src: largest.url, width: shown, height, loading: "lazy" })} alt="${escapeHtml(alt)}">` +
    `</picture></a>${figcaption}</figure>`
  );
};
