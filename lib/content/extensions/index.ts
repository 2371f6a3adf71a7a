import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { SAFE_URL_PROTOCOLS } from "../url";
import { Citation } from "./citation";
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
];

export { Citation, WikiLink };
export type { CitationAttributes } from "./citation";
export type { WikiLinkAttributes } from "./wiki-link";
