import { z } from "zod";
import type { DocumentJSON, NodeJSON } from "../content/document";
import { normalizePageId } from "../content/page-id";
import { schema } from "../content/schema";
import { safeUrl } from "../content/url";

/** Largest stored document, as UTF-8 bytes of its JSON. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Deepest nesting accepted (lists in quotes in tables…); real articles stay far below. */
export const MAX_DOCUMENT_DEPTH = 40;

const MarkSchema = z.object({
  type: z.string().min(1).max(40),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

const NodeSchema: z.ZodType<NodeJSON> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(NodeSchema).optional(),
    marks: z.array(MarkSchema).optional(),
    text: z.string().optional(),
  }),
);

const DocumentShape = z.object({ type: z.literal("doc"), content: z.array(NodeSchema) });

/** Deepest JSON nesting accepted: nodes in content, with their marks, attributes and notes. */
const MAX_JSON_DEPTH = 2 * MAX_DOCUMENT_DEPTH + 16;

/**
 * Whether a value (not yet known to be a document) nests deeper than the limits, walked without
 * recursion, so no input can overflow the stack before it is refused.
 */
function nestsTooDeep(value: unknown): boolean {
  const stack: [value: unknown, json: number, nodes: number][] = [[value, 1, 1]];
  while (stack.length) {
    const [item, json, nodes] = stack.pop()!;
    if (json > MAX_JSON_DEPTH || nodes > MAX_DOCUMENT_DEPTH) return true;
    if (item === null || typeof item !== "object") continue;
    const inNode = !Array.isArray(item);
    for (const [key, child] of Object.entries(item)) stack.push([child, json + 1, inNode && key === "content" ? nodes + 1 : nodes]);
  }
  return false;
}

/** A document's JSON shape, for schemas of requests that carry one (checked in depth on saving). */
export const DocumentSchema = z
  .unknown()
  .refine((value) => !nestsTooDeep(value), { message: `The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`, abort: true })
  .pipe(DocumentShape);

/**
 * What is wrong with the attributes of a node or mark: each must be one the schema declares, holding
 * a plain value of the kind its default has (a string where the default is a string…). Only a
 * citation's note (checked by `noteProblems`) and a table cell's column widths hold more.
 */
function attributeProblems(kind: "node" | "mark", type: string, attrs: Record<string, unknown> | undefined): string[] {
  const declared = kind === "node" ? schema.nodes[type]?.spec.attrs : schema.marks[type]?.spec.attrs;
  const problems: string[] = [];
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (type === "citation" && name === "note") continue;
    if (!declared || !(name in declared)) continue; // ProseMirror drops unknown attributes itself
    const fallback = declared[name].default;
    // A table column's widths are the one list: numbers, one per column it spans.
    const widths = name === "colwidth" && Array.isArray(value) && value.length <= 1000 && value.every((w) => Number.isFinite(w));
    const plain = value === null || ["string", "number", "boolean"].includes(typeof value) || widths;
    const sameKind = value === null || fallback === null || fallback === undefined || typeof value === typeof fallback;
    if (!plain || !sameKind) problems.push(`The ${type} ${kind}'s "${name}" must be ${fallback === null || fallback === undefined ? "a plain value" : `a ${typeof fallback}`}.`);
  }
  return problems;
}

/**
 * Checks that a value is a document the editor itself could have made: the JSON shape (zod), the
 * size and depth limits, the ProseMirror schema built from the editor's extension list, and safe
 * link targets. Returns the list of problems, empty when the document is valid.
 */
export function documentProblems(value: unknown): string[] {
  if (nestsTooDeep(value)) return [`The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`];
  const json = JSON.stringify(value ?? null);
  if (Buffer.byteLength(json, "utf8") > MAX_DOCUMENT_BYTES) {
    return [`The document is larger than ${MAX_DOCUMENT_BYTES / 1024} KB.`];
  }
  const parsed = DocumentShape.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "document"}: ${i.message}`);
  try {
    schema.nodeFromJSON(parsed.data).check();
  } catch (error) {
    return [`The document does not fit the editor's schema: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (node: NodeJSON) => {
    problems.push(...attributeProblems("node", node.type, node.attrs));
    if (node.text?.includes("\0")) problems.push("The text holds a NUL character.");
    for (const mark of node.marks ?? []) {
      problems.push(...attributeProblems("mark", mark.type, mark.attrs));
      if (mark.type === "link" && !safeUrl(String(mark.attrs?.href ?? ""))) {
        problems.push(`A link points at "${String(mark.attrs?.href).slice(0, 80)}", which is not an http(s), ftp, mailto or file address.`);
      }
      if (mark.type === "wikiLink") {
        const target = String(mark.attrs?.target ?? "");
        if (!target || normalizePageId(target) !== target) problems.push(`A wiki link points at "${target.slice(0, 80)}", which is not a page id.`);
      }
    }
    if (node.type === "citation" && !String(node.attrs?.sourceId ?? "")) problems.push("A citation names no source.");
    if (node.type === "citation") problems.push(...noteProblems(node.attrs?.note, visit));
    node.content?.forEach(visit);
  };
  visit(parsed.data);
  return problems;
}

/**
 * A citation's note must be null or what a paragraph could hold without citations: text with its
 * marks and line breaks. Its links are checked as the document's are, by `visit`.
 */
function noteProblems(note: unknown, visit: (node: NodeJSON) => void): string[] {
  if (note === null || note === undefined) return [];
  const parsed = z.array(NodeSchema).max(1000).safeParse(note);
  if (!parsed.success || parsed.data.some((n) => n.type !== "text" && n.type !== "hardBreak")) {
    return ["A citation's note holds something other than text and line breaks."];
  }
  try {
    schema.nodeFromJSON({ type: "paragraph", content: parsed.data }).check();
  } catch (error) {
    return [`A citation's note does not fit the editor's schema: ${(error as Error).message}`];
  }
  parsed.data.forEach(visit);
  return [];
}

/** The document, typed, when valid; throws with every problem listed otherwise. */
export function parseDocument(value: unknown): DocumentJSON {
  const problems = documentProblems(value);
  if (problems.length) throw new DocumentValidationError(problems);
  return value as DocumentJSON;
}

export class DocumentValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid document: ${problems.join(" ")}`);
    this.name = "DocumentValidationError";
  }
}
