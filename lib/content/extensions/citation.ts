import { Node, mergeAttributes } from "@tiptap/core";

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
      "[*]",
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
