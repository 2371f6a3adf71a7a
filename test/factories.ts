// Data for one test: accounts and pages that no other test uses, so each test stands alone.
import type { DocumentJSON } from "../lib/content/document";
import type { Db } from "../lib/db";
import type { Role } from "../lib/validation/account";
import { type Account, createAccount } from "../lib/wiki/accounts";
import { savePageRevision } from "../lib/wiki/revisions";
import { createSource } from "../lib/wiki/sources";
import { unique } from "./unique";

export { unique };

/** A document of one paragraph. */
export const textDoc = (text: string): DocumentJSON => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** An account of this role, named `name` and a suffix of its own (the name is what notifications show first). */
export function buildAccount(db: Db, role: Role = "editor", name: string = role): Promise<Account> {
  const key = unique();
  return createAccount(db, { email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${key}@example.org`, name: `${name} ${key}`, password: "correct horse battery" }, { role });
}

/** A page saved once by `author`, at an id of its own (in `namespace` when given). */
export async function buildPage(db: Db, author: Account, { namespace = "", text = "First text." }: { namespace?: string; text?: string } = {}) {
  const pageId = `${namespace ? `${namespace}:` : ""}page_${unique()}`;
  const saved = await savePageRevision(db, { pageId, doc: textDoc(text), authorId: author.id, summary: "New", baseRevisionId: null });
  return { pageId, revisionId: saved.status === "created" ? saved.revisionId : null };
}

/** A source in the library, added by `author`, with a title and address of its own unless `fields` give them. */
export async function buildSource(db: Db, author: Account, fields: Record<string, string> = {}) {
  const key = unique();
  return createSource(db, author, { type: "webpage", title: `Source ${key}`, url: `https://example.org/sources/${key}`, ...fields });
}
