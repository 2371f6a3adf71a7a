// How a document reads once rendered: what the renderer of each node and mark is given. Each node
// or mark says how readers see it in its own file, beside its editor extension; `readers.ts`
// gathers them, and lib/content/render.ts walks a document with them.
import type { SourceFieldsForCsl } from "../csl";
import type { MarkJSON, NodeJSON } from "../document";

/** What the renderer needs to know of a cited source: a library record's fields. */
export type RenderSource = SourceFieldsForCsl;

/** What the renderer needs to know of a file a figure shows: the version the page shows, and its addresses. */
export interface RenderMedia {
  /** The file's page in the media library. */
  href: string;
  /** The version's bytes. */
  url: string;
  /** The file's own alt text, for figures that give none. */
  alt: string;
  width: number | null;
  height: number | null;
  /** Thumbnails in WebP and the original's format, for pictures; null for files shown as a link. */
  picture: { avif: { width: number; url: string }[]; webp: { width: number; url: string }[]; fallback: { width: number; url: string }[] } | null;
  /** What the file is, for a link to it: "PDF document, 2.1 MB". */
  label: string;
}

export interface RenderContext {
  sources: ReadonlyMap<string, RenderSource>;
  /** Whether a page id names a page that exists (missing links are shown as such). */
  pageExists: (pageId: string) => boolean;
  /** The files figures show, by media name; a name not here is shown as a missing file. */
  media?: ReadonlyMap<string, RenderMedia>;
}

/** A citation as the References list gathers it. */
export interface CitationUse {
  /** The source's id in the library (a merged record's is the record it was merged into). */
  sourceId: string;
  source: RenderSource | null;
  /** The citation's note as stored, when it has one: it decides the number with the source. */
  note: NodeJSON[] | null;
  /** That note's HTML. */
  noteHtml: string | null;
  locator: string | null;
  quote: string | null;
}

/** What a node's or mark's renderer may ask of the render under way. */
export interface Reading {
  readonly context: RenderContext;
  /** The HTML of a node's content. */
  children(node: NodeJSON): string;
  /** The HTML of text with its marks. */
  text(text: string, marks: MarkJSON[]): string;
  /** The next heading's anchor, its entry in the table of contents noted. */
  heading(level: number, text: string): string;
  /** The citation's number and its marker's anchor, its use noted for the References. */
  cite(use: CitationUse): { number: number; anchor: string };
}

/** A node as readers see it, in HTML whose every text and attribute is escaped. */
export type NodeReader = (node: NodeJSON, reading: Reading) => string;

/** A mark around `inner`, the HTML of `text`. */
export type MarkReader = (mark: MarkJSON, inner: string, text: string, reading: Reading) => string;
