import { diff3Merge } from "node-diff3";
import { canonicalJson, type DocumentJSON, type NodeJSON } from "./document";

/** Blocks two people changed differently from the revision they both started from. */
export interface MergeConflict {
  base: NodeJSON[];
  mine: NodeJSON[];
  theirs: NodeJSON[];
}

export type MergeResult =
  | { clean: true; doc: DocumentJSON }
  | {
      clean: false;
      conflicts: MergeConflict[];
      /** The merge with every disputed passage taken from one side, for an editor to start from. */
      resolved: { mine: DocumentJSON; theirs: DocumentJSON };
    };

type Region = { ok: string[] } | { conflict: { a: string[]; o: string[]; b: string[] } };

/**
 * Three-way merge of documents by top-level block (paragraph, heading, list, table…): changes to
 * different blocks combine; different changes to the same block are a conflict. Identical changes
 * on both sides are not a conflict.
 */
export function mergeDocuments(base: DocumentJSON, mine: DocumentJSON, theirs: DocumentJSON): MergeResult {
  const blocks = (doc: DocumentJSON) => doc.content.map(canonicalJson);
  const regions = diff3Merge(blocks(mine), blocks(base), blocks(theirs), { excludeFalseConflicts: true }) as Region[];
  const parse = (list: string[]) => list.map((json) => JSON.parse(json) as NodeJSON);
  const conflicts = regions.flatMap((r) => ("conflict" in r ? [{ mine: parse(r.conflict.a), base: parse(r.conflict.o), theirs: parse(r.conflict.b) }] : []));
  const assemble = (side: "a" | "b"): DocumentJSON => {
    const content = regions.flatMap((r) => ("ok" in r ? parse(r.ok) : parse(r.conflict[side])));
    return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
  };
  if (conflicts.length) return { clean: false, conflicts, resolved: { mine: assemble("a"), theirs: assemble("b") } };
  return { clean: true, doc: assemble("a") };
}

/**
 * Takes back what one revision changed while keeping everything after it: a three-way merge with
 * the revision as the common base, its parent as one side and the latest text as the other.
 */
export function undoDocument(revision: DocumentJSON, parent: DocumentJSON, latest: DocumentJSON): MergeResult {
  return mergeDocuments(revision, parent, latest);
}
