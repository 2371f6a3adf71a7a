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
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-source-id]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { sourceId, locator, quote } = node.attrs as CitationAttributes;
    return [
      "sup",
      mergeAttributes(HTMLAttributes, {
        class: "citation",
        "data-source-id": sourceId,
        "data-locator": locator ?? undefined,
        "data-quote": quote ?? undefined,
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
        const sourceId = String(node.attrs.sourceId);
        if (!numbers.has(sourceId)) numbers.set(sourceId, numbers.size + 1);
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-number": String(numbers.get(sourceId)) }));
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
