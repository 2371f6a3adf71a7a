import { Mark, mergeAttributes } from "@tiptap/core";
import { pageHref } from "../page-id";

export interface WikiLinkAttributes {
  /** The normalised id of the page linked to, which may not exist yet. */
  target: string;
  /** A section anchor within the target, without `#`. */
  fragment: string | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    wikiLink: {
      setWikiLink: (attributes: WikiLinkAttributes) => ReturnType;
      unsetWikiLink: () => ReturnType;
    };
  }
}

/** A link to another article of this wiki, by page id; its text is the label readers see. */
export const WikiLink = Mark.create({
  name: "wikiLink",
  priority: 1001,
  keepOnSplit: false,
  inclusive: false,
  excludes: "link",

  addAttributes() {
    return {
      target: { default: "", parseHTML: (el) => el.getAttribute("data-target") ?? "" },
      fragment: { default: null, parseHTML: (el) => el.getAttribute("data-fragment") },
    };
  },

  parseHTML() {
    return [{ tag: "a[data-target]" }];
  },

  renderHTML({ mark, HTMLAttributes }) {
    const { target, fragment } = mark.attrs as WikiLinkAttributes;
    return [
      "a",
      mergeAttributes(HTMLAttributes, {
        href: pageHref(target, fragment),
        "data-target": target,
        "data-fragment": fragment ?? undefined,
        class: "wikilink",
      }),
      0,
    ];
  },

  addCommands() {
    return {
      setWikiLink:
        (attributes) =>
        ({ commands }) =>
          commands.setMark(this.name, attributes),
      unsetWikiLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
