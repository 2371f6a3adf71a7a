import { Mark } from "@tiptap/core";
import type { MarkReader } from "./reading";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    subscript: {
      toggleSubscript: () => ReturnType;
    };
  }
}

/** Subscript text (DokuWiki's `<sub>`), as in H₂O. */
export const Subscript = Mark.create({
  name: "subscript",

  parseHTML() {
    return [{ tag: "sub" }];
  },

  renderHTML() {
    return ["sub", 0];
  },

  addCommands() {
    return {
      toggleSubscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
});

export const subscriptReader: MarkReader = (_mark, inner) => `<sub>${inner}</sub>`;
