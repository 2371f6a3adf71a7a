import { diffArrays } from "diff";
import { citationNote, type MarkJSON, type NodeJSON, textContent, walk } from "./document";
import { citationNumberKey, citationNumbering } from "./extensions";

/**
 * Comparing two revisions as readers see them rather than as stored JSON: each document becomes a
 * list of leaf blocks (paragraphs, headings, list items, table cells, code) made of word tokens that
 * carry their formatting, link and citation. Blocks are aligned first; a removed block that comes
 * back elsewhere is a move; a removed and an added block in the same place that share enough words
 * are one changed block, compared word by word. See docs/decisions/0006-comparing-revisions.md.
 */

/** A word or a punctuation mark with the spaces before it, a line break, or a citation marker. */
export interface DiffToken {
  text: string;
  /** Spaces before the token: shown, never compared, so re-spacing is not a change. */
  space?: string;
  /** "b", "i", "u", "s", "c" for the formatting marks on the token, in that order. */
  format?: string;
  /** An external link's address. */
  href?: string;
  /** A wiki link's target page id (and `#fragment`). */
  target?: string;
  /** A citation marker's source id. */
  sourceId?: string;
  /** What gives the marker its number (its source, and its note when it has one): see {@link citationNumbers}. */
  numberKey?: string;
  locator?: string | null;
}

export type BlockKind = "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "li" | "th" | "td" | "pre" | "hr";

/** A leaf block of a document, with where it sits ("List item", "Table row 2, column 3"). */
export interface DiffBlock {
  kind: BlockKind;
  label: string;
  tokens: DiffToken[];
  /** The file a figure shows, for the picture beside its caption. */
  media?: string;
}

export interface InlinePart {
  op: "equal" | "insert" | "delete";
  tokens: DiffToken[];
}

export type DiffRow =
  | { op: "equal"; block: DiffBlock }
  | { op: "added" | "removed"; block: DiffBlock }
  /** A block that left this place ("moved-from", in the old order) and arrived at another ("moved-to"). */
  | { op: "moved-from" | "moved-to"; block: DiffBlock; moveId: number }
  /** With `fileChanged`, the figure reads the same but shows another version of its file (or a file where there was none). */
  | { op: "changed"; before: DiffBlock; after: DiffBlock; parts: InlinePart[]; fileChanged?: boolean };

export interface ReferenceChange {
  sourceId: string;
  status: "added" | "removed" | "changed";
  /** How many markers cite the source, before and after. */
  usesBefore: number;
  usesAfter: number;
  /** Locators and quotes of its uses, when those changed. */
  locatorsBefore: string[];
  locatorsAfter: string[];
}

export interface DocumentDiff {
  rows: DiffRow[];
  references: ReferenceChange[];
  /** How many rows are a change of any kind. */
  changeCount: number;
}

/** Compares two documents: `from` is the older side as shown, `to` the newer (either may be older in time). */
export function diffDocuments(from: NodeJSON, to: NodeJSON): DocumentDiff {
  const before = flattenBlocks(from);
  const after = flattenBlocks(to);
  const keyOf = blockKeys([...before, ...after]);
  const rows = alignBlocks(before, after, keyOf);
  return { rows, references: diffReferences(from, to), changeCount: rows.filter((r) => r.op !== "equal").length };
}

/**
 * The diff with each figure that reads the same on both sides but shows another file on each
 * (`fileChanged(name)`: a new version uploaded between the two revisions) as a change of its own.
 */
export function markChangedFiles(diff: DocumentDiff, fileChanged: (name: string) => boolean): DocumentDiff {
  let marked = 0;
  const rows = diff.rows.map((row): DiffRow => {
    if (row.op !== "equal" || !row.block.media || !fileChanged(row.block.media)) return row;
    marked++;
    return { op: "changed", before: row.block, after: row.block, parts: [{ op: "equal", tokens: row.block.tokens }], fileChanged: true };
  });
  return marked ? { ...diff, rows, changeCount: diff.changeCount + marked } : diff;
}

// ---------------------------------------------------------------------------------------------
// Documents as leaf blocks of tokens

const FORMAT_MARKS: Record<string, string> = { bold: "b", italic: "i", underline: "u", strike: "s", code: "c" };
const WORDS = /(\s*)([\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-])/gu;

/** A document's leaf blocks in reading order. */
export function flattenBlocks(doc: NodeJSON): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const visit = (node: NodeJSON, context: string | null, depth: number) => {
    switch (node.type) {
      case "paragraph":
        blocks.push({
          kind: context === "List item" ? "li" : context?.startsWith("Table") ? (context.includes("header") ? "th" : "td") : "p",
          label: context ?? "Paragraph",
          tokens: inlineTokens(node),
        });
        return;
      case "heading": {
        const level = Math.min(5, Math.max(1, Number(node.attrs?.level ?? 2)));
        blocks.push({ kind: `h${level}` as BlockKind, label: `Heading ${level}`, tokens: inlineTokens(node) });
        return;
      }
      case "codeBlock":
        blocks.push({ kind: "pre", label: "Code", tokens: tokenize(textOf(node), {}) });
        return;
      case "horizontalRule":
        blocks.push({ kind: "hr", label: "Horizontal rule", tokens: [{ text: "———" }] });
        return;
      case "figure": {
        // The file's name is part of the block, so a figure showing another file reads as changed.
        const media = String(node.attrs?.media ?? "");
        blocks.push({
          kind: "p",
          label: `Figure (${media})`,
          media,
          tokens: [{ text: `[${media}]` }, ...inlineTokens(node).map((t, i) => (i === 0 ? { ...t, space: t.space ?? " " } : t))],
        });
        return;
      }
      case "blockquote":
        for (const child of node.content ?? []) visit(child, "Quote", depth);
        return;
      case "bulletList":
      case "orderedList":
        for (const item of node.content ?? []) for (const child of item.content ?? []) visit(child, "List item", depth + 1);
        return;
      case "table":
        (node.content ?? []).forEach((row, r) =>
          (row.content ?? []).forEach((cell, c) => {
            const label = `Table ${cell.type === "tableHeader" ? "header" : "cell"}, row ${r + 1}, column ${c + 1}`;
            const cellBlocks = cell.content?.length ? cell.content : [{ type: "paragraph" }];
            for (const child of cellBlocks) visit(child, label, depth);
          }),
        );
        return;
      default:
        for (const child of node.content ?? []) visit(child, context, depth);
    }
  };
  for (const child of doc.content ?? []) visit(child, null, 0);
  return blocks;
}

function textOf(node: NodeJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(textOf).join("");
}

function inlineTokens(block: NodeJSON): DiffToken[] {
  const tokens: DiffToken[] = [];
  // Spaces that end a text node ("developed by " before a link) belong before the next token.
  let carried = "";
  const push = (...added: DiffToken[]) => {
    if (carried && added.length) {
      added[0] = { ...added[0], space: carried + (added[0].space ?? "") };
      carried = "";
    }
    tokens.push(...added);
  };
  for (const node of block.content ?? []) {
    if (node.type === "citation") {
      // A citation's note (an imported footnote's text) changes as its locator would.
      const note = citationNote(node);
      const locator = (node.attrs?.locator as string | null) ?? (note ? textContent({ type: "paragraph", content: note }) : null);
      const sourceId = String(node.attrs?.sourceId ?? "");
      push({ text: "", sourceId, numberKey: citationNumberKey(sourceId, note), locator });
    } else if (node.type === "hardBreak") {
      carried = "";
      push({ text: "\n" });
    } else if (node.type === "text") {
      const text = node.text ?? "";
      push(...tokenize(text, markInfo(node.marks ?? [])));
      carried += /\s*$/.exec(text)![0];
    }
  }
  return tokens;
}

function markInfo(marks: MarkJSON[]): Omit<DiffToken, "text"> {
  const info: Omit<DiffToken, "text"> = {};
  const format = marks
    .map((m) => FORMAT_MARKS[m.type])
    .filter(Boolean)
    .sort()
    .join("");
  if (format) info.format = format;
  for (const mark of marks) {
    if (mark.type === "link") info.href = String(mark.attrs?.href ?? "");
    if (mark.type === "wikiLink") {
      const fragment = mark.attrs?.fragment ? `#${mark.attrs.fragment}` : "";
      info.target = `${mark.attrs?.target ?? ""}${fragment}`;
    }
  }
  return info;
}

function tokenize(text: string, info: Omit<DiffToken, "text">): DiffToken[] {
  return [...text.matchAll(WORDS)].map(([, space, word]) => ({ text: word, ...(space ? { space } : {}), ...info }));
}

const tokenKey = (t: DiffToken) => `${t.text}\u0000${t.format ?? ""}\u0000${t.href ?? ""}\u0000${t.target ?? ""}\u0000${t.sourceId ?? ""}\u0000${t.locator ?? ""}`;

/** One string per block, equal exactly when two blocks read and link the same. */
function blockKeys(blocks: DiffBlock[]): Map<DiffBlock, string> {
  return new Map(blocks.map((b) => [b, `${b.kind}\u0001${b.tokens.map(tokenKey).join("\u0001")}`]));
}

/** The plain text of tokens, as readers see it. */
export function tokensText(tokens: DiffToken[]): string {
  return tokens.map((t) => `${t.space ?? ""}${t.text}`).join("");
}

const blockText = (block: DiffBlock) => tokensText(block.tokens);

// ---------------------------------------------------------------------------------------------
// Aligning blocks: equal, moved, changed, added, removed

/** A moved block must say something: short blocks ("See also", "—") that recur are not moves. */
const MIN_MOVE_CHARS = 12;
/** Share of words two blocks must have in common to be shown as one changed block. */
const MIN_SIMILARITY = 0.35;

function alignBlocks(before: DiffBlock[], after: DiffBlock[], keyOf: Map<DiffBlock, string>): DiffRow[] {
  const changes = diffArrays(before, after, { comparator: (a, b) => keyOf.get(a) === keyOf.get(b) });

  // Removed and added blocks, in hunks (a run of changes between equal stretches).
  type Hunk = { removed: DiffBlock[]; added: DiffBlock[] };
  const sequence: ({ equal: DiffBlock[] } | Hunk)[] = [];
  for (const change of changes) {
    if (!change.added && !change.removed) {
      sequence.push({ equal: change.value });
      continue;
    }
    let hunk = sequence.at(-1);
    if (!hunk || "equal" in hunk) sequence.push((hunk = { removed: [], added: [] }));
    (change.added ? hunk.added : hunk.removed).push(...change.value);
  }

  // Moves: an identical block removed in one place and added in another.
  const moveIds = new Map<DiffBlock, number>();
  const waiting = new Map<string, DiffBlock[]>();
  for (const part of sequence) {
    if ("equal" in part) continue;
    for (const block of part.added) {
      if (blockText(block).trim().length < MIN_MOVE_CHARS) continue;
      const key = keyOf.get(block)!;
      waiting.set(key, [...(waiting.get(key) ?? []), block]);
    }
  }
  let nextMove = 1;
  for (const part of sequence) {
    if ("equal" in part) continue;
    for (const block of part.removed) {
      const candidates = waiting.get(keyOf.get(block)!);
      const target = candidates?.find((c) => !part.added.includes(c));
      if (!target) continue;
      candidates!.splice(candidates!.indexOf(target), 1);
      moveIds.set(block, nextMove);
      moveIds.set(target, nextMove++);
    }
  }

  const rows: DiffRow[] = [];
  for (const part of sequence) {
    if ("equal" in part) {
      rows.push(...part.equal.map((block) => ({ op: "equal" as const, block })));
      continue;
    }
    rows.push(...pairHunk(part.removed, part.added, moveIds));
  }
  return rows;
}

/** The rows of one hunk: removed blocks paired in order with similar added ones as changes. */
function pairHunk(removed: DiffBlock[], added: DiffBlock[], moveIds: Map<DiffBlock, number>): DiffRow[] {
  const rows: DiffRow[] = [];
  let next = 0; // the first added block not yet shown
  const flushAdded = (until: number) => {
    for (; next < until; next++) rows.push(moveRow(added[next], "moved-to", moveIds) ?? { op: "added", block: added[next] });
  };
  for (const old of removed) {
    const moved = moveRow(old, "moved-from", moveIds);
    if (moved) {
      rows.push(moved);
      continue;
    }
    const match = added.findIndex((candidate, i) => i >= next && !moveIds.has(candidate) && similar(old, candidate));
    if (match < 0) {
      rows.push({ op: "removed", block: old });
      continue;
    }
    flushAdded(match);
    rows.push({ op: "changed", before: old, after: added[match], parts: diffTokens(old.tokens, added[match].tokens) });
    next = match + 1;
  }
  flushAdded(added.length);
  return rows;
}

function moveRow(block: DiffBlock, op: "moved-from" | "moved-to", moveIds: Map<DiffBlock, number>): DiffRow | null {
  const moveId = moveIds.get(block);
  return moveId === undefined ? null : { op, block, moveId };
}

/** Whether two blocks are versions of one another: same family of block and enough words in common. */
function similar(a: DiffBlock, b: DiffBlock): boolean {
  const family = (kind: BlockKind) => (kind.startsWith("h") ? "h" : kind === "th" || kind === "td" ? "cell" : kind);
  if (family(a.kind) !== family(b.kind)) return false;
  if (family(a.kind) === "cell" && a.label.replace(/header|cell/, "") === b.label.replace(/header|cell/, "")) return true;
  const words = (block: DiffBlock) => block.tokens.filter((t) => t.text.trim() || t.sourceId).map((t) => t.text.toLowerCase() || t.sourceId!);
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return wa.length === wb.length;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return common / Math.max(wa.length, wb.length) >= MIN_SIMILARITY;
}

/** Word-level changes between two blocks' tokens. */
export function diffTokens(before: DiffToken[], after: DiffToken[]): InlinePart[] {
  const changes = diffArrays(before, after, { comparator: (a, b) => tokenKey(a) === tokenKey(b) });
  const parts: InlinePart[] = [];
  for (const change of changes) {
    const op = change.added ? "insert" : change.removed ? "delete" : "equal";
    parts.push({ op, tokens: change.value });
  }
  return groupReplacements(parts);
}

/** Each run of changes as one deletion followed by one insertion, so a replacement reads as one. */
function groupReplacements(parts: InlinePart[]): InlinePart[] {
  const result: InlinePart[] = [];
  let deleted: DiffToken[] = [];
  let inserted: DiffToken[] = [];
  const flush = () => {
    if (deleted.length) result.push({ op: "delete", tokens: deleted });
    if (inserted.length) result.push({ op: "insert", tokens: inserted });
    deleted = [];
    inserted = [];
  };
  for (const part of parts) {
    if (part.op === "equal") {
      flush();
      result.push(part);
    } else if (part.op === "delete") deleted = [...deleted, ...part.tokens];
    else inserted = [...inserted, ...part.tokens];
  }
  flush();
  return result;
}

/** A part as shown: the space before a changed run stays outside its mark, and is shown once per replacement. */
export interface InlineSegment extends InlinePart {
  lead: string;
}

export function inlineSegments(parts: InlinePart[]): InlineSegment[] {
  return parts.map((part, i) => {
    if (part.op === "equal" || !part.tokens[0]?.space) return { ...part, lead: "" };
    const [first, ...rest] = part.tokens;
    const afterDeletion = part.op === "insert" && parts[i - 1]?.op === "delete" && !!parts[i - 1].tokens[0]?.space;
    return { op: part.op, tokens: [{ ...first, space: undefined }, ...rest], lead: afterDeletion ? "" : first.space! };
  });
}

// ---------------------------------------------------------------------------------------------
// References

/** Sources added, removed, or cited differently (more or fewer markers, other locators). */
export function diffReferences(from: NodeJSON, to: NodeJSON): ReferenceChange[] {
  const uses = (doc: NodeJSON) => {
    const map = new Map<string, string[]>();
    walk(doc, (node) => {
      if (node.type !== "citation") return;
      const sourceId = String(node.attrs?.sourceId ?? "");
      const note = citationNote(node);
      const said = [node.attrs?.locator, node.attrs?.quote, note && textContent({ type: "paragraph", content: note })];
      map.set(sourceId, [...(map.get(sourceId) ?? []), said.filter(Boolean).join(" — ")]);
    });
    return map;
  };
  const before = uses(from);
  const after = uses(to);
  const changes: ReferenceChange[] = [];
  for (const sourceId of new Set([...after.keys(), ...before.keys()])) {
    const a = before.get(sourceId) ?? [];
    const b = after.get(sourceId) ?? [];
    const status = !a.length ? "added" : !b.length ? "removed" : a.length !== b.length || a.join("\u0000") !== b.join("\u0000") ? "changed" : null;
    if (!status) continue;
    changes.push({ sourceId, status, usesBefore: a.length, usesAfter: b.length, locatorsBefore: a.filter(Boolean), locatorsAfter: b.filter(Boolean) });
  }
  return changes;
}

/**
 * Citation numbers as readers of a document see them, by each marker's `numberKey`. For the list of
 * changed sources, a source's id gives the number of its markers without a note, or else its first.
 */
export function citationNumbers(doc: NodeJSON): Map<string, number> {
  const numbers = new Map<string, number>();
  const numberOf = citationNumbering();
  walk(doc, (node) => {
    if (node.type !== "citation") return;
    const sourceId = String(node.attrs?.sourceId ?? "");
    const note = citationNote(node);
    const number = numberOf(sourceId, note);
    numbers.set(citationNumberKey(sourceId, note), number);
    if (!numbers.has(sourceId)) numbers.set(sourceId, number);
  });
  return numbers;
}
