// Every node and mark of the document schema as readers see it, gathered for lib/content/render.ts
// (readers.test.ts checks that the schema and these lists name the same types).
import { citationReader } from "./citation";
import { figureReader } from "./figure";
import { KIT_MARK_READERS, KIT_NODE_READERS } from "./kit-readers";
import type { MarkReader, NodeReader } from "./reading";
import { subscriptReader } from "./subscript";
import { superscriptReader } from "./superscript";
import { wikiLinkReader } from "./wiki-link";

/** Renderers of every node but the document and its text, which the renderer itself walks. */
export const NODE_READERS: Readonly<Record<string, NodeReader>> = { ...KIT_NODE_READERS, citation: citationReader, figure: figureReader };

export const MARK_READERS: Readonly<Record<string, MarkReader>> = {
  ...KIT_MARK_READERS,
  wikiLink: wikiLinkReader,
  subscript: subscriptReader,
  superscript: superscriptReader,
};
