import { Mark } from "@tiptap/core";
import type { MarkReader } from "./reading";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    superscript: {
      toggleSuperscript: () => ReturnType;
    };
  }
}

/** Superscript text (DokuWiki's `<sup>`), as in E = mc². */
export const Superscript = Mark.create({
  name: "superscript",

  parseHTML() {
    // A citation marker is a `sup` too; it is the citation's.
    return [{ tag: "sup", getAttrs: (el) => (el.hasAttribute("data-source-id") ? false : null) }];
  },

  renderHTML() {
    return ["sup", 0];
  },

  addCommands() {
    return {
      toggleSuperscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
});

export const superscriptReader: MarkReader = (_mark, inner) => `<sup>${inner}</sup>`;
