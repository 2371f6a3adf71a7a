import { Node, mergeAttributes } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { referenceAnchor } from "../anchors";
import type { NodeJSON } from "../document";
import { attributes } from "../html";
import type { NodeReader, Reading } from "./reading";

export interface CitationAttributes {
  /** The id of the source record cited. */
  sourceId: string;
  /** Where in the source: a page, section or timestamp. */
  locator: string | null;
  /** Text quoted from the source at this point. */
  quote: string | null;
  /**
   * The note as written where it was written as one (an imported footnote): inline content, text
   * with its marks and line breaks. Readers see it in References in place of the bare source.
   */
  note?: CitationNote | null;
}

/** A citation's note: what a paragraph's inline content would hold, citations excepted. */
export type CitationNote = { type: string; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] }[];

/**
 * What gives a citation its number: its source, or its source and note when it has one, so that
 * footnotes share a number only when their texts are identical (as in DokuWiki) or when they cite
 * one source with nothing else to say.
 */
export function citationNumberKey(sourceId: string, note: unknown): string {
  return Array.isArray(note) && note.length ? `${sourceId}\u0000${JSON.stringify(note)}` : sourceId;
}

/**
 * Citation numbers as readers see them, for citations given in reading order: one number per
 * {@link citationNumberKey}, from 1. The one numbering of the reader's page, the diff and the
 * editor's markers.
 */
export function citationNumbering(): (sourceId: string, note: unknown) => number {
  const numbers = new Map<string, number>();
  return (sourceId, note) => {
    const key = citationNumberKey(sourceId, note);
    let number = numbers.get(key);
    if (number === undefined) numbers.set(key, (number = numbers.size + 1));
    return number;
  };
}

/** A citation's note (its text as written), or null when it has none. */
export function citationNote(node: NodeJSON): NodeJSON[] | null {
  const note = node.attrs?.note;
  return Array.isArray(note) && note.length ? (note as NodeJSON[]) : null;
}

/** A citation's note for readers: its text and line breaks with their marks; anything else in it is left out. */
const noteHtml = (note: NodeJSON[], reading: Reading) =>
  note.map((node) => (node.type === "text" ? reading.text(String(node.text ?? ""), node.marks ?? []) : node.type === "hardBreak" ? "<br>" : "")).join("");

/** Readers see a citation as its number, linking to its entry in the References. */
export const citationReader: NodeReader = (node, reading) => {
  const cited = String(node.attrs?.sourceId ?? "");
  const source = reading.context.sources.get(cited) ?? null;
  const note = citationNote(node);
  // A record merged into another is cited as that one: one number, one References entry.
  const { number, anchor } = reading.cite({
    sourceId: source?.id ?? cited,
    source,
    note,
    noteHtml: note && noteHtml(note, reading),
    locator: (node.attrs?.locator as string | null) ?? null,
    quote: (node.attrs?.quote as string | null) ?? null,
  });
  return (
    `<sup class="citation"${attributes({ id: anchor })}>` +
    `<a${attributes({ href: `#${referenceAnchor(number)}`, title: source?.title ?? "Source missing" })}>` +
    `<span class="visually-hidden">Reference </span>[${number}]</a></sup>`
  );
};

function parseNote(value: string | null): CitationNote | null {
  if (!value) return null;
  try {
    const note = JSON.parse(value);
    return Array.isArray(note) ? note : null;
  } catch {
    return null;
  }
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      insertCitation: (attributes: CitationAttributes) => ReturnType;
    };
  }
}

const citationNumbers = new PluginKey<DecorationSet>("citationNumbers");

/**
 * A citation marker: an inline atom pointing at a shared source record. Numbering is not stored;
 * readers see numbers assigned in reading order, one per source.
 */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      sourceId: { default: "", parseHTML: (el) => el.getAttribute("data-source-id") ?? "" },
      locator: { default: null, parseHTML: (el) => el.getAttribute("data-locator") },
      quote: { default: null, parseHTML: (el) => el.getAttribute("data-quote") },
      note: { default: null, parseHTML: (el) => parseNote(el.getAttribute("data-note")) },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-source-id]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { sourceId, locator, quote, note } = node.attrs as CitationAttributes;
    return [
      "sup",
      mergeAttributes(HTMLAttributes, {
        class: "citation",
        "data-source-id": sourceId,
        "data-locator": locator ?? undefined,
        "data-quote": quote ?? undefined,
        "data-note": note ? JSON.stringify(note) : undefined,
      }),
    ];
  },

  addProseMirrorPlugins() {
    // Markers number themselves as readers will see them: one number per source, in reading order.
    const numbering = (doc: ProseMirrorNode) => {
      const numberOf = citationNumbering();
      const decorations: Decoration[] = [];
      doc.descendants((node, pos) => {
        if (node.type.name !== this.name) return;
        const number = numberOf(String(node.attrs.sourceId), node.attrs.note);
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-number": String(number) }));
      });
      return DecorationSet.create(doc, decorations);
    };
    return [
      new Plugin({
        key: citationNumbers,
        state: {
          init: (_, state) => numbering(state.doc),
          apply: (tr, old) => (tr.docChanged ? numbering(tr.doc) : old),
        },
        props: { decorations: (state) => citationNumbers.getState(state) },
      }),
    ];
  },

  addCommands() {
    return {
      insertCitation:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    };
  },
});
