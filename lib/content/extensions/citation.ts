import { Node, mergeAttributes } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

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
      const numbers = new Map<string, number>();
      const decorations: Decoration[] = [];
      doc.descendants((node, pos) => {
        if (node.type.name !== this.name) return;
        const key = citationNumberKey(String(node.attrs.sourceId), node.attrs.note);
        if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-number": String(numbers.get(key)) }));
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
