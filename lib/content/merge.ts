import { diffIndices } from "node-diff3";
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

/** One side's change: base blocks [start, end) replaced by `content` (an insertion when they are equal). */
interface Hunk {
  side: "mine" | "theirs";
  start: number;
  end: number;
  content: string[];
}

/** One side's changes; a run of blocks each edited in place counts as one change per block. */
function hunks(base: string[], side: string[], name: Hunk["side"]): Hunk[] {
  return diffIndices(base, side).flatMap((h) => {
    const [start, length] = h.buffer1;
    const content = h.buffer2Content as string[];
    if (length > 1 && content.length === length) return content.map((block, i) => ({ side: name, start: start + i, end: start + i + 1, content: [block] }));
    return [{ side: name, start, end: start + length, content }];
  });
}

/**
 * Groups the changes of both sides that touch the same base blocks. Changes to neighbouring blocks
 * do not touch (unlike a line-based diff3, which takes adjacent changes for a conflict); two
 * insertions at the same place do, as does an insertion inside a block range the other side replaced.
 */
function overlapping(all: Hunk[]): Hunk[][] {
  const sorted = [...all].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const groups: { start: number; end: number; hunks: Hunk[] }[] = [];
  for (const hunk of sorted) {
    const group = groups.at(-1);
    const sameInsertionPoint = group && hunk.start === hunk.end && group.start === group.end && hunk.start === group.start;
    if (group && (hunk.start < group.end || sameInsertionPoint)) {
      group.end = Math.max(group.end, hunk.end);
      group.hunks.push(hunk);
    } else groups.push({ start: hunk.start, end: hunk.end, hunks: [hunk] });
  }
  return groups.map((g) => g.hunks);
}

/** The base blocks [start, end) as one side has them, its changes there applied. */
function sideView(base: string[], start: number, end: number, changes: Hunk[]): string[] {
  const view: string[] = [];
  let at = start;
  for (const change of changes) {
    view.push(...base.slice(at, change.start), ...change.content);
    at = change.end;
  }
  return [...view, ...base.slice(at, end)];
}

/**
 * Three-way merge of documents by top-level block (paragraph, heading, list, table…): changes to
 * different blocks combine, neighbouring ones included; different changes to the same block (or an
 * edit of a block the other side deleted, or two insertions at one place) are a conflict. Identical
 * changes on both sides are not a conflict.
 */
export function mergeDocuments(base: DocumentJSON, mine: DocumentJSON, theirs: DocumentJSON): MergeResult {
  const blocks = (doc: DocumentJSON) => doc.content.map(canonicalJson);
  const original = blocks(base);
  const groups = overlapping([...hunks(original, blocks(mine), "mine"), ...hunks(original, blocks(theirs), "theirs")]);
  const parse = (list: string[]) => list.map((json) => JSON.parse(json) as NodeJSON);

  const conflicts: MergeConflict[] = [];
  const agreed: string[] = [];
  const sides = { mine: [] as string[], theirs: [] as string[] };
  let at = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    const before = original.slice(at, start);
    const view = (side: Hunk["side"]) =>
      sideView(
        original,
        start,
        end,
        group.filter((h) => h.side === side),
      );
    const [ours, others] = [view("mine"), view("theirs")];
    const changedBy = new Set(group.map((h) => h.side));
    for (const list of [agreed, sides.mine, sides.theirs]) list.push(...before);
    const same = ours.length === others.length && ours.every((block, i) => block === others[i]);
    if (changedBy.size === 2 && !same) {
      conflicts.push({ base: parse(original.slice(start, end)), mine: parse(ours), theirs: parse(others) });
      sides.mine.push(...ours);
      sides.theirs.push(...others);
    } else {
      const taken = changedBy.has("mine") ? ours : others;
      for (const list of [agreed, sides.mine, sides.theirs]) list.push(...taken);
    }
    at = end;
  }
  for (const list of [agreed, sides.mine, sides.theirs]) list.push(...original.slice(at));
  const assemble = (list: string[]): DocumentJSON => ({ type: "doc", content: list.length ? parse(list) : [{ type: "paragraph" }] });
  if (conflicts.length) return { clean: false, conflicts, resolved: { mine: assemble(sides.mine), theirs: assemble(sides.theirs) } };
  return { clean: true, doc: assemble(agreed) };
}

/**
 * Takes back what one revision changed while keeping everything after it: a three-way merge with
 * the revision as the common base, its parent as one side and the latest text as the other.
 */
export function undoDocument(revision: DocumentJSON, parent: DocumentJSON, latest: DocumentJSON): MergeResult {
  return mergeDocuments(revision, parent, latest);
}
