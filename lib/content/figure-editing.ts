import type { NodeJSON } from "./document";
import { normalizePageId, pageNamespace } from "./page-id";

// What the editor needs to name uploads and to check figures: pure, so the browser and tests share it.

/**
 * The name a file is offered under in the media library: the page's namespace and the file's own
 * name, cleaned as DokuWiki cleans names (`models:gpt_5_2` and `Chart 1.PNG` → `models:chart_1.png`).
 * A name without an extension (a pasted picture can have none) gets one from the file's type.
 */
export function suggestMediaName(pageId: string, fileName: string, type = ""): string {
  let base = normalizePageId(fileName.replace(/[:/\\]+/g, "_")) || "file";
  const subtype = /^image\/([a-z0-9]+)/.exec(type)?.[1];
  if (!/\.[a-z0-9]{1,10}$/.test(base) && subtype) base = `${base}.${subtype === "jpeg" ? "jpg" : subtype}`;
  const namespace = pageNamespace(normalizePageId(pageId));
  return namespace ? `${namespace}:${base}` : base;
}

/**
 * `name`, or when a file of that name exists already, the first of `name_2.ext`, `name_3.ext`, …
 * that is free, so a dropped or pasted file never becomes a new version of someone else's.
 */
export function uniqueMediaName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const stem = dot > name.lastIndexOf(":") ? name.slice(0, dot) : name;
  const extension = name.slice(stem.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The files of a document's figures that have no alt text: neither their own nor, when they give
 * none, the file's (`fileAlt`, undefined while the file is not known yet, or when there is no such
 * file: a missing file shows no picture). Each name once, in reading order.
 */
export function figuresWithoutAlt(doc: NodeJSON, fileAlt: (name: string) => string | undefined): string[] {
  const missing = new Set<string>();
  const visit = (node: NodeJSON) => {
    if (node.type === "figure") {
      const name = typeof node.attrs?.media === "string" ? node.attrs.media : "";
      const own = node.attrs?.alt;
      const known = fileAlt(name);
      if (name && known !== undefined && !(typeof own === "string" ? own : known).trim()) missing.add(name);
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...missing];
}
