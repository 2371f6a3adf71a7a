import { createHash } from "node:crypto";
import { canonicalJson, collectCitations, collectLinkTargets, type DocumentJSON } from "../content/document";
import { pageNamespace } from "../content/page-id";
import type { Db, Tx } from "../db";
import { parseDocument } from "../validation/document";

export interface SaveRevisionInput {
  /** The page id (slug); the page is created when it does not exist. */
  pageId: string;
  title: string;
  doc: DocumentJSON;
  authorId: string;
  summary: string;
  minor?: boolean;
}

export type SaveRevisionResult =
  | { created: true; revisionId: number; number: number }
  | { created: false; revisionId: number; number: number; reason: "unchanged" };

/** The SHA-256 of a document's canonical JSON: equal documents, equal hashes. */
export function contentHash(doc: DocumentJSON): string {
  return createHash("sha256").update(canonicalJson(doc)).digest("hex");
}

/**
 * Saves a document as the page's newest revision, with its citations and links, in one
 * transaction. A document identical to the latest revision makes no revision.
 */
export async function savePageRevision(db: Db, input: SaveRevisionInput): Promise<SaveRevisionResult> {
  return db.$transaction((tx: Tx) => writePageRevision(tx, input));
}

/** {@link savePageRevision} within a transaction the caller holds, to compose it with other writes. */
export async function writePageRevision(tx: Tx, input: SaveRevisionInput): Promise<SaveRevisionResult> {
  const doc = parseDocument(input.doc);
  const content = canonicalJson(doc);
  const hash = contentHash(doc);
  const size = Buffer.byteLength(content, "utf8");
  {
    const page = await tx.page.upsert({
      where: { slug: input.pageId },
      create: { slug: input.pageId, namespace: pageNamespace(input.pageId), title: input.title },
      update: {},
      include: { latestRevision: { select: { id: true, number: true, contentHash: true, size: true } } },
    });
    const latest = page.latestRevision;
    if (latest && latest.contentHash === hash && page.title === input.title) {
      return { created: false, revisionId: latest.id, number: latest.number, reason: "unchanged" };
    }

    const revision = await tx.revision.create({
      data: {
        pageId: page.id,
        number: (latest?.number ?? 0) + 1,
        parentId: latest?.id ?? null,
        authorId: input.authorId,
        content,
        contentHash: hash,
        summary: input.summary,
        minor: input.minor ?? false,
        size,
        sizeDelta: size - (latest?.size ?? 0),
      },
      select: { id: true, number: true },
    });
    const citations = collectCitations(doc);
    if (citations.length) {
      await tx.citation.createMany({
        data: citations.map((c, position) => ({ revisionId: revision.id, position, ...c })),
      });
    }
    const targets = collectLinkTargets(doc);
    if (targets.length) {
      await tx.link.createMany({ data: targets.map((targetSlug) => ({ revisionId: revision.id, targetSlug })) });
    }
    await tx.page.update({
      where: { id: page.id },
      data: { title: input.title, latestRevisionId: revision.id, publishedRevisionId: revision.id },
    });
    return { created: true, revisionId: revision.id, number: revision.number };
  }
}
