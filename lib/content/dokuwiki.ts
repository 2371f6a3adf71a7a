import { type DocumentJSON, type MarkJSON, type NodeJSON, orderMarks, textContent } from "./document";
import { normalizePageId } from "./page-id";
import { normalizeUrl, safeUrl } from "./url";

/** The largest DokuWiki file the importer reads. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** A source found in the footnotes, before it is matched against the library. */
export interface ImportedSource {
  /** Identifies the source within this import; citations carry it as their `sourceId`. */
  key: string;
  type: "webpage" | "document";
  title: string;
  url: string | null;
}

export interface ImportedArticle {
  /** The text of a leading top-level heading, which becomes the page title. */
  title: string | null;
  doc: DocumentJSON;
  sources: ImportedSource[];
}

/** Import input that cannot be read, with the 1-based line it was found on. */
export class DokuWikiSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "DokuWikiSyntaxError";
  }
}

const HEADING = /^[ \t]*(={2,6})(.+?)\1?[ \t]*={2,6}[ \t]*$/;
const RULE = /^[ \t]*-{4,}[ \t]*$/;
const LIST_ITEM = /^((?: {2}|\t)+)([*-])[ \t]?(.*)$/;
const TABLE_ROW = /^[ \t]*[|^]/;
const QUOTE = /^(>+)[ \t]?(.*)$/;
const PREFORMATTED = /^(?: {2}|\t)(.*)$/;
const CODE_OPEN = /^[ \t]*<(code|file)(?:[ \t]+([^\s>]+))?[^>]*>(.*)$/;
const BARE_URL = /(?:https?|ftp):\/\/[^\s<>"'[\]{}|\\^`]+/y;
const EXTERNAL_TARGET = /^[a-z][a-z0-9+.-]*:\/\/|^mailto:/i;
const INTERWIKI = /^[a-z0-9]+>/i;
const FORMATS: [delimiter: string, mark: string][] = [
  ["**", "bold"],
  ["//", "italic"],
  ["__", "underline"],
  ["''", "code"],
];

/**
 * Parses DokuWiki markup into the editor's document. Footnotes become citations of sources
 * (identical footnotes, or footnotes linking the same URL, share one source); markup this parser
 * does not know stays visible as text. A leading top-level heading becomes the title, and an empty
 * trailing "References" section is dropped because Palimpsest generates that list itself.
 */
export function parseDokuWiki(markup: string): ImportedArticle {
  const lines = checkInput(markup).split("\n");
  const sources = new SourceCollector();
  const blocks = new BlockParser(lines, sources).parse();

  let title: string | null = null;
  if (blocks[0]?.type === "heading" && blocks[0].attrs?.level === 1) {
    title = textContent(blocks.shift()!).trim() || null;
  }
  const last = blocks.at(-1);
  if (last?.type === "heading" && /^references$/i.test(textContent(last).trim())) blocks.pop();

  return {
    title,
    doc: { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] },
    sources: sources.list(),
  };
}

function checkInput(markup: string): string {
  if (Buffer.byteLength(markup, "utf8") > MAX_IMPORT_BYTES) {
    throw new DokuWikiSyntaxError(1, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  const text = markup.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.exec(text);
  if (bad) {
    const line = text.slice(0, bad.index).split("\n").length;
    const what = bad[0] === "\ufffd" ? "bytes that are not UTF-8 text" : "a control character";
    throw new DokuWikiSyntaxError(line, `${what} (is this a DokuWiki text file?)`);
  }
  return text;
}

/** Gathers footnote sources, one per distinct URL (or text when there is no URL), in first-use order. */
class SourceCollector {
  private byKey = new Map<string, ImportedSource>();

  add(source: Omit<ImportedSource, "key">): string {
    const key = source.url ? `url:${normalizeUrl(source.url) ?? source.url}` : `text:${source.title}`;
    if (!this.byKey.has(key)) this.byKey.set(key, { key, ...source });
    return key;
  }

  list(): ImportedSource[] {
    return [...this.byKey.values()];
  }
}

class BlockParser {
  private at = 0;

  constructor(
    private readonly lines: string[],
    private readonly sources: SourceCollector,
  ) {}

  parse(): NodeJSON[] {
    const blocks: NodeJSON[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (!line.trim()) {
        this.at++;
      } else if (CODE_OPEN.test(line)) {
        blocks.push(this.codeBlock());
      } else if (HEADING.test(line)) {
        blocks.push(this.heading(line));
      } else if (RULE.test(line)) {
        blocks.push({ type: "horizontalRule" });
        this.at++;
      } else if (LIST_ITEM.test(line)) {
        blocks.push(...this.lists());
      } else if (TABLE_ROW.test(line)) {
        blocks.push(this.table());
      } else if (QUOTE.test(line)) {
        blocks.push(this.quote());
      } else if (PREFORMATTED.test(line)) {
        blocks.push(this.preformatted());
      } else {
        blocks.push(this.paragraph());
      }
    }
    return blocks;
  }

  private inline(text: string): NodeJSON[] {
    return new InlineParser(this.sources).parse(text);
  }

  private heading(line: string): NodeJSON {
    const [, equals, text] = HEADING.exec(line)!;
    this.at++;
    const content = this.inline(text.replace(/=+$/, "").trim());
    return { type: "heading", attrs: { level: 7 - equals.length }, ...(content.length ? { content } : {}) };
  }

  private codeBlock(): NodeJSON {
    const startLine = this.at + 1;
    const [, tag, language, rest] = CODE_OPEN.exec(this.lines[this.at])!;
    const close = `</${tag}>`;
    const body: string[] = [];
    let text = rest;
    for (;;) {
      const end = text.indexOf(close);
      if (end >= 0) {
        body.push(text.slice(0, end));
        break;
      }
      body.push(text);
      this.at++;
      if (this.at >= this.lines.length) {
        throw new DokuWikiSyntaxError(startLine, `<${tag}> is never closed with ${close}`);
      }
      text = this.lines[this.at];
    }
    this.at++;
    const code = body.join("\n").replace(/^\n|\n$/g, "");
    const lang = language && language !== "-" ? language.toLowerCase().replace(/[^a-z0-9+#-]/g, "") : null;
    return { type: "codeBlock", attrs: { language: lang || null }, ...(code ? { content: [{ type: "text", text: code }] } : {}) };
  }

  private paragraph(): NodeJSON {
    const parts: string[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (!line.trim() || (parts.length && startsBlock(line))) break;
      parts.push(line.trim());
      this.at++;
    }
    const content = this.inline(parts.join("\n"));
    return { type: "paragraph", ...(content.length ? { content } : {}) };
  }

  private preformatted(): NodeJSON {
    const body: string[] = [];
    while (this.at < this.lines.length) {
      const match = PREFORMATTED.exec(this.lines[this.at]);
      if (!match || LIST_ITEM.test(this.lines[this.at])) break;
      body.push(match[1]);
      this.at++;
    }
    return { type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: body.join("\n") }] };
  }

  /** Consecutive list lines, nested by indentation (two spaces or one tab a level). */
  private lists(): NodeJSON[] {
    const items: { depth: number; ordered: boolean; text: string }[] = [];
    while (this.at < this.lines.length) {
      const match = LIST_ITEM.exec(this.lines[this.at]);
      if (!match) break;
      const depth = match[1].replace(/\t/g, "  ").length / 2;
      items.push({ depth: Math.floor(depth), ordered: match[2] === "-", text: match[3] });
      this.at++;
    }
    let index = 0;
    const build = (depth: number): NodeJSON => {
      const ordered = items[index].ordered;
      const listItems: NodeJSON[] = [];
      while (index < items.length && items[index].depth >= depth) {
        const item = items[index];
        if (item.depth > depth && listItems.length) {
          // A deeper line starts a list nested in the previous item.
          listItems.at(-1)!.content!.push(build(item.depth));
          continue;
        }
        if (item.ordered !== ordered && listItems.length) break;
        index++;
        const content = this.inline(item.text.trim());
        listItems.push({ type: "listItem", content: [{ type: "paragraph", ...(content.length ? { content } : {}) }] });
      }
      return { type: ordered ? "orderedList" : "bulletList", content: listItems };
    };
    // A run of lines may hold lists of both kinds one after the other.
    const lists: NodeJSON[] = [];
    while (index < items.length) lists.push(build(items[index].depth));
    return lists;
  }

  private table(): NodeJSON {
    const rows: NodeJSON[] = [];
    while (this.at < this.lines.length && TABLE_ROW.test(this.lines[this.at])) {
      rows.push(this.tableRow(this.lines[this.at].trim()));
      this.at++;
    }
    return { type: "table", content: rows };
  }

  private tableRow(line: string): NodeJSON {
    const cells: NodeJSON[] = [];
    let i = 0;
    while (i < line.length) {
      const delimiter = line[i];
      const end = findCellEnd(line, i + 1);
      if (end < 0) break;
      const raw = line.slice(i + 1, end);
      i = end;
      if (!raw.length && cells.length) {
        // `||` spans the previous cell over one more column, as in DokuWiki.
        const previous = cells.at(-1)!;
        previous.attrs = { ...previous.attrs, colspan: Number(previous.attrs?.colspan ?? 1) + 1 };
        continue;
      }
      const content = this.inline(raw.trim());
      cells.push({
        type: delimiter === "^" ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1, colwidth: null, align: cellAlignment(raw) },
        content: [{ type: "paragraph", ...(content.length ? { content } : {}) }],
      });
    }
    return { type: "tableRow", content: cells.length ? cells : [emptyCell()] };
  }

  /** Lines starting with `>`; more `>` nest deeper. Consecutive lines of one depth form a paragraph. */
  private quote(): NodeJSON {
    const lines: { depth: number; text: string }[] = [];
    while (this.at < this.lines.length) {
      const match = QUOTE.exec(this.lines[this.at]);
      if (!match) break;
      lines.push({ depth: match[1].length, text: match[2] });
      this.at++;
    }
    let index = 0;
    const build = (depth: number): NodeJSON => {
      const content: NodeJSON[] = [];
      while (index < lines.length && lines[index].depth >= depth) {
        if (lines[index].depth > depth) {
          content.push(build(depth + 1));
          continue;
        }
        const parts: string[] = [];
        while (index < lines.length && lines[index].depth === depth && lines[index].text.trim()) {
          parts.push(lines[index++].text.trim());
        }
        if (parts.length) {
          const inline = this.inline(parts.join("\n"));
          content.push({ type: "paragraph", ...(inline.length ? { content: inline } : {}) });
        } else if (index < lines.length && lines[index].depth === depth) {
          index++; // an empty quote line separates paragraphs
        }
      }
      return { type: "blockquote", content: content.length ? content : [{ type: "paragraph" }] };
    };
    return build(1);
  }
}

function startsBlock(line: string): boolean {
  return (
    HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || TABLE_ROW.test(line) ||
    QUOTE.test(line) || CODE_OPEN.test(line) || PREFORMATTED.test(line)
  );
}

function emptyCell(): NodeJSON {
  return { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null }, content: [{ type: "paragraph" }] };
}

/** DokuWiki aligns a cell by its padding: two spaces on the left right-align it, on both sides centre it. */
function cellAlignment(raw: string): "left" | "center" | "right" | null {
  const left = /^ {2,}/.test(raw);
  const right = / {2,}$/.test(raw);
  if (left && right) return "center";
  if (left) return "right";
  if (right) return "left";
  return null;
}

/** The index of the `|` or `^` closing a table cell, skipping links, footnotes and nowiki. */
function findCellEnd(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const skip = skipSpan(line, i);
    if (skip > i) {
      i = skip - 1;
      continue;
    }
    if (line[i] === "|" || line[i] === "^") return i;
  }
  return -1;
}

/** Where a link `[[…]]`, footnote `((…))`, `%%…%%` or `<nowiki>` span starting at `i` ends; `i` when none does. */
function skipSpan(text: string, i: number): number {
  for (const [open, close] of [["[[", "]]"], ["((", "))"], ["%%", "%%"], ["<nowiki>", "</nowiki>"]]) {
    if (text.startsWith(open, i)) {
      const end = open === "((" ? findClose(text, i + 2, close) : text.indexOf(close, i + open.length);
      if (end >= 0) return end + close.length;
    }
  }
  return i;
}

/** The index of `delimiter` closing a span opened before `from`, skipping nested links, footnotes and URLs. */
function findClose(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(delimiter, i) && !(delimiter === "//" && text[i - 1] === ":")) return i;
    if (text.startsWith("[[", i) || text.startsWith("%%", i) || text.startsWith("<nowiki>", i)) {
      const end = skipSpan(text, i);
      if (end > i) i = end - 1;
    } else if (delimiter !== "))" && text.startsWith("((", i)) {
      const end = skipSpan(text, i);
      if (end > i) i = end - 1;
    } else if (delimiter !== "))" && delimiter !== "]]") {
      BARE_URL.lastIndex = i;
      if (BARE_URL.test(text)) i = BARE_URL.lastIndex - 1;
    }
  }
  return -1;
}

class InlineParser {
  constructor(
    private readonly sources: SourceCollector,
    private readonly inFootnote = false,
  ) {}

  parse(text: string, marks: MarkJSON[] = []): NodeJSON[] {
    const out: NodeJSON[] = [];
    let buffer = "";
    const flush = () => {
      if (buffer) out.push(textNode(buffer, marks));
      buffer = "";
    };
    let i = 0;
    scan: while (i < text.length) {
      const rest = (open: string, close: string) => {
        if (!text.startsWith(open, i)) return -1;
        return close === "))" || close === "]]" ? findClose(text, i + open.length, close) : text.indexOf(close, i + open.length);
      };

      let end = rest("%%", "%%");
      if (end >= 0) {
        buffer += text.slice(i + 2, end).replace(/\s*\n\s*/g, " ");
        i = end + 2;
        continue;
      }
      end = rest("<nowiki>", "</nowiki>");
      if (end >= 0) {
        buffer += text.slice(i + 8, end).replace(/\s*\n\s*/g, " ");
        i = end + 9;
        continue;
      }
      end = this.inFootnote ? -1 : rest("((", "))");
      if (end >= 0) {
        flush();
        out.push(this.footnote(text.slice(i + 2, end), marks));
        i = end + 2;
        continue;
      }
      end = rest("[[", "]]");
      if (end >= 0) {
        flush();
        out.push(...this.link(text.slice(i + 2, end), marks));
        i = end + 2;
        continue;
      }
      for (const [delimiter, type] of FORMATS) {
        if (!text.startsWith(delimiter, i) || (delimiter === "//" && text[i - 1] === ":")) continue;
        const close = findClose(text, i + 2, delimiter);
        if (close <= i + 2) continue;
        flush();
        const inner = text.slice(i + 2, close);
        // Code excludes every other mark in the editor's schema, so its text stays literal.
        if (type === "code") out.push(textNode(inner.replace(/\s*\n\s*/g, " "), [{ type: "code" }]));
        else out.push(...this.parse(inner, [...marks, { type }]));
        i = close + 2;
        continue scan;
      }
      BARE_URL.lastIndex = i;
      const url = !/[\p{L}\p{N}]/u.test(text[i - 1] ?? "") && BARE_URL.exec(text);
      if (url) {
        const href = trimUrl(url[0]);
        const safe = safeUrl(href);
        if (safe) {
          flush();
          out.push(textNode(href, [...marks, linkMark(safe)]));
          i += href.length;
          continue;
        }
      }
      if (text.startsWith("\\\\", i) && (i + 2 === text.length || /\s/.test(text[i + 2]))) {
        flush();
        out.push({ type: "hardBreak" });
        i += 2;
        while (text[i] === " " || text[i] === "\n") i++;
        continue;
      }
      buffer += text[i] === "\n" ? " " : text[i];
      i++;
    }
    flush();
    return mergeText(out);
  }

  /** `[[target|label]]`: an external link, an internal page link, or (interwiki, unknown) plain text. */
  private link(body: string, marks: MarkJSON[]): NodeJSON[] {
    const bar = body.indexOf("|");
    const target = (bar < 0 ? body : body.slice(0, bar)).trim();
    const label = bar < 0 ? null : body.slice(bar + 1).trim();

    if (EXTERNAL_TARGET.test(target)) {
      const href = safeUrl(target);
      if (!href) return [textNode(`[[${body}]]`, marks)];
      const withLink = [...marks, linkMark(href)];
      return label ? this.parse(label, withLink).filter((n) => n.type !== "citation") : [textNode(target, withLink)];
    }
    if (INTERWIKI.test(target)) return [textNode(`[[${body}]]`, marks)];

    const hash = target.indexOf("#");
    const pageId = normalizePageId(hash < 0 ? target : target.slice(0, hash));
    const fragment = hash < 0 ? null : normalizePageId(target.slice(hash + 1)).replace(/:/g, "_") || null;
    if (!pageId) return [textNode(label ?? target, marks)];
    const mark = { type: "wikiLink", attrs: { target: pageId, fragment } };
    if (label) return this.parse(label, [...marks, mark]).filter((n) => n.type !== "citation");
    const shown = hash < 0 ? target : target.slice(0, hash) || target.slice(hash + 1);
    return [textNode(shown, [...marks, mark])];
  }

  /** `((…))`: a citation. A link inside names the source; the text around it becomes the locator. */
  private footnote(body: string, marks: MarkJSON[]): NodeJSON {
    const inner = new InlineParser(this.sources, true).parse(body.trim());
    const linked = inner.find((node) => node.marks?.some((m) => m.type === "link"));
    let sourceKey: string;
    let locator: string | null = null;
    if (linked) {
      const href = String(linked.marks!.find((m) => m.type === "link")!.attrs!.href);
      const linkText = inner
        .filter((node) => node.marks?.some((m) => m.type === "link" && m.attrs?.href === href))
        .map(textContent)
        .join("");
      const title = linkText.trim() || href;
      sourceKey = this.sources.add({ type: "webpage", title, url: href });
      const around = inner
        .filter((node) => !node.marks?.some((m) => m.type === "link" && m.attrs?.href === href))
        .map(textContent)
        .join("")
        .replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, "");
      locator = around || null;
    } else {
      const title = textContent({ type: "paragraph", content: inner }).trim() || body.trim();
      sourceKey = this.sources.add({ type: "document", title, url: null });
    }
    const citation: NodeJSON = { type: "citation", attrs: { sourceId: sourceKey, locator, quote: null } };
    const kept = marks.filter((m) => m.type !== "link" && m.type !== "wikiLink" && m.type !== "code");
    return kept.length ? { ...citation, marks: orderMarks(kept) } : citation;
  }
}

function linkMark(href: string): MarkJSON {
  return { type: "link", attrs: { href, target: null, rel: null, class: null, title: null } };
}

function textNode(text: string, marks: MarkJSON[]): NodeJSON {
  return marks.length ? { type: "text", text, marks: orderMarks(marks) } : { type: "text", text };
}

/** A bare URL's trailing punctuation belongs to the sentence, and so does a `)` the URL did not open. */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'"]+$/, "");
  while (out.endsWith(")") && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?'"]+$/, "");
  }
  return out;
}

/** Adjacent text nodes with the same marks become one. */
function mergeText(nodes: NodeJSON[]): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const node of nodes) {
    const previous = out.at(-1);
    if (
      previous?.type === "text" && node.type === "text" &&
      JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...previous, text: previous.text! + node.text! };
    } else if (node.type !== "text" || node.text) {
      out.push(node);
    }
  }
  return out;
}
