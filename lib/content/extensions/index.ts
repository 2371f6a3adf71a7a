import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { SAFE_URL_PROTOCOLS } from "../url";
import { Citation } from "./citation";
import { CodeFileName } from "./code-file-name";
import { Figure } from "./figure";
import { Subscript } from "./subscript";
import { Superscript } from "./superscript";
import { WikiLink } from "./wiki-link";

/**
 * The one list of document extensions, used by the editor in the browser and by validation and
 * rendering on the server. Headings run from 1 to 5, as in DokuWiki.
 */
export const extensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4, 5] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: SAFE_URL_PROTOCOLS.map((p) => p.slice(0, -1)),
      defaultProtocol: "https",
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
  WikiLink,
  Citation,
  Subscript,
  Superscript,
  CodeFileName,
  Figure,
];

export { Citation, WikiLink };
export { citationNote, citationNumberKey, citationNumbering } from "./citation";
export { collectFigureMedia, figureLayout } from "./figure";
export type { FigureAttributes } from "./figure";
export type { CitationAttributes, CitationNote } from "./citation";
export type { WikiLinkAttributes } from "./wiki-link";
