import { Mark, mergeAttributes } from "@tiptap/core";
import { attributes } from "../html";
import { pageHref, titleFromPageId } from "../page-id";
import type { MarkReader } from "./reading";

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

/** Readers see a wiki link as a link, marked (for eyes and for screen readers) when its page is missing. */
export const wikiLinkReader: MarkReader = (mark, inner, text, reading) => {
  const target = String(mark.attrs?.target ?? "");
  if (!target) return inner;
  const href = pageHref(target, (mark.attrs?.fragment as string | null) ?? null);
  if (reading.context.pageExists(target)) return `<a${attributes({ href, class: "wikilink" })}>${inner}</a>`;
  // A link to a page not written yet offers its label as the new page's title, unless the label
  // is only the id (as a link written without one shows) or the title the id gives anyway.
  const label = text.trim();
  const saysMore = label && ![target, target.split(":").pop(), titleFromPageId(target)].includes(label);
  const missingHref = saysMore ? `${pageHref(target)}?${new URLSearchParams({ title: label })}` : href;
  return (
    `<a${attributes({ href: missingHref, class: "wikilink missing", title: `${target} (page does not exist)` })}>` +
    `${inner}<span class="visually-hidden"> (page does not exist)</span></a>`
  );
};
