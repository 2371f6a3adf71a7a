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

export const DocumentSchema = z.object({ type: z.literal("doc"), content: z.array(NodeSchema) });

function depth(node: NodeJSON): number {
  return 1 + Math.max(0, ...(node.content ?? []).map(depth));
}

/**
 * Checks that a value is a document the editor itself could have made: the JSON shape (zod), the
 * size and depth limits, the ProseMirror schema built from the editor's extension list, and safe
 * link targets. Returns the list of problems, empty when the document is valid.
 */
export function documentProblems(value: unknown): string[] {
  const json = JSON.stringify(value ?? null);
  if (Buffer.byteLength(json, "utf8") > MAX_DOCUMENT_BYTES) {
    return [`The document is larger than ${MAX_DOCUMENT_BYTES / 1024} KB.`];
  }
  const parsed = DocumentSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "document"}: ${i.message}`);
  if (depth(parsed.data) > MAX_DOCUMENT_DEPTH) return [`The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`];
  try {
    schema.nodeFromJSON(parsed.data).check();
  } catch (error) {
    return [`The document does not fit the editor's schema: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (node: NodeJSON) => {
    for (const mark of node.marks ?? []) {
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
