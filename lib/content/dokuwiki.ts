import { type DocumentJSON, type MarkJSON, type NodeJSON, orderMarks, textContent } from "./document";
import { cleanDokuWikiId, dokuWikiSectionId, resolveDokuWikiId, resolveDokuWikiMediaId, START_PAGE } from "./dokuwiki-ids";
import { DEFAULT_INTERWIKI, interwikiAddress } from "./interwiki";
import { mediaHref, normalizePageId } from "./page-id";
import { normalizeUrl, safeUrl } from "./url";

/** The largest DokuWiki file the importer reads. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Reports kept for one import; beyond this only their number is told. */
const MAX_WARNINGS = 500;

/** A source found in the footnotes, before it is matched against the library. */
export interface ImportedSource {
  /** Identifies the source within this import; citations carry it as their `sourceId`. */
  key: string;
  type: "webpage" | "document";
  title: string;
  url: string | null;
}

/** Markup the importer did not carry over as DokuWiki shows it, with the 1-based line it is on. */
export interface ImportWarning {
  line: number;
  /** The markup, shortened: `~~NOTOC~~`, `{{image.png}}`, `<wrap>`… */
  construct: string;
  /** What the importer did with it. */
  message: string;
}

export interface ImportedArticle {
  /** The text of a leading top-level heading, which becomes the page title. */
  title: string | null;
  doc: DocumentJSON;
  sources: ImportedSource[];
  /** Everything not imported as written, in reading order; empty when the import is faithful. */
  warnings: ImportWarning[];
}

export interface DokuWikiOptions {
  /** The id the page gets: relative links and `[[#section]]` resolve against it. */
  pageId?: string;
  /** Interwiki shortcuts and their address templates; DokuWiki's defaults when not given. */
  interwiki?: Readonly<Record<string, string>>;
  /** Titles of pages that exist: a link without a label shows its target's title. */
  pageTitles?: ReadonlyMap<string, string>;
  /**
   * The wiki's public address (`https://wiki.example.org`). With it, a file that is no picture
   * inside text links to its page in the library, as the editor inserts one; without it (stored
   * links are absolute), it is a figure splitting the text, like a picture.
   */
  siteUrl?: string;
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

// Block patterns follow DokuWiki's lexer (inc/Parsing/ParserMode). Every pattern here is anchored and
// unambiguous, so each line is matched in time linear in its length.
const RULE = /^[ \t]*-{4,}[ \t]*$/;
const LIST_ITEM = /^( {2,}|\t+)([*-])(.*)$/;
const TABLE_ROW = /^[|^]/;
const QUOTE = /^(>+)(.*)$/;
const PREFORMATTED = /^(?: {2}|\t)(?![*-])(.*)$/;
// Lower-case `<html>` and `<php>` are inline in DokuWiki even over several lines (code in the
// paragraph); `<HTML>` and `<PHP>` are blocks.
const CODE_OPEN = /^[ \t]*<(code|file|HTML|PHP)\b([^>\n]*)>(.*)$/;
const CODE_TAGS = ["code", "file", "html", "php", "HTML", "PHP"];
const CODE_OPEN_INSIDE = /<(code|file|HTML|PHP)\b[^<>\n]*>/;
const CODE_OPEN_AT = /<(code|file|html|php|HTML|PHP)\b[^<>\n]*>/y;
const INLINE_RAW = ["html", "php"];
const MACRO_LINE = /^[ \t]*(?:~~[A-Za-z0-9_]+(?::[^~\n]*)?~~[ \t]*)+$/;
const MACRO = /~~([A-Za-z0-9_]+)(?::[^~\n]*)?~~/y;

/**
 * Parses DokuWiki markup into the editor's document, following DokuWiki's own syntax rules. A
 * footnote becomes a citation of a library source (its link, or its text when it has none) and
 * keeps its text as written whenever the source and a locator cannot say it all; footnotes share a
 * number when their texts are identical. Headings get DokuWiki's section ids, links resolve as
 * DokuWiki resolves them from `options.pageId`. Whatever is not imported as written is reported
 * in `warnings`, never silently dropped. A leading top-level heading becomes the title, and an
 * empty trailing "References" section is dropped because Palimpsest generates that list itself.
 * Time and memory are linear in the size of the input.
 */
export function parseDokuWiki(markup: string, options: DokuWikiOptions = {}): ImportedArticle {
  const lines = checkInput(markup).split("\n");
  const context: ParseContext = {
    sources: new SourceCollector(),
    warnings: new WarningCollector(),
    pageId: options.pageId ?? "",
    interwiki: options.interwiki ?? DEFAULT_INTERWIKI,
    pageTitles: options.pageTitles ?? new Map(),
    figures: new WeakMap(),
    siteUrl: options.siteUrl ? safeUrl(options.siteUrl) : null,
  };
  const blocks = new BlockParser(lines, context).parse();

  let title: string | null = null;
  if (blocks[0]?.type === "heading" && blocks[0].attrs?.level === 1) {
    title = textContent(blocks.shift()!).trim() || null;
  }
  const last = blocks.at(-1);
  if (last?.type === "heading" && /^references$/i.test(textContent(last).trim())) blocks.pop();

  return {
    title,
    doc: { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] },
    sources: context.sources.list(),
    warnings: context.warnings.list(),
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

interface ParseContext {
  sources: SourceCollector;
  warnings: WarningCollector;
  pageId: string;
  interwiki: Readonly<Record<string, string>>;
  pageTitles: ReadonlyMap<string, string>;
  /** Where each figure made from `{{…}}` was written, for reports made once its block is known. */
  figures: WeakMap<NodeJSON, { line: number; construct: string; file: boolean }>;
  siteUrl: string | null;
}

/** Gathers footnote sources, one per distinct URL (or text when there is no URL), in first-use order. */
class SourceCollector {
  private byKey = new Map<string, ImportedSource>();

  add(source: Omit<ImportedSource, "key">): ImportedSource {
    const key = source.url ? `url:${normalizeUrl(source.url) ?? source.url}` : `text:${source.title}`;
    let found = this.byKey.get(key);
    if (!found) this.byKey.set(key, (found = { key, ...source }));
    return found;
  }

  list(): ImportedSource[] {
    return [...this.byKey.values()];
  }
}

class WarningCollector {
  private warnings: ImportWarning[] = [];
  private dropped = 0;

  add(line: number, construct: string, message: string): void {
    if (this.warnings.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    const shown = construct.replace(/\s+/g, " ");
    this.warnings.push({ line, construct: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown, message });
  }

  list(): ImportWarning[] {
    // A figure inside text is reported once its paragraph is read, after the rest of that paragraph:
    // a stable sort by line keeps reading order.
    const sorted = [...this.warnings].sort((a, b) => a.line - b.line);
    if (!this.dropped) return sorted;
    const line = sorted.at(-1)?.line ?? 1;
    return [...sorted, { line, construct: "…", message: `${this.dropped} more reports like these were left out` }];
  }
}

class BlockParser {
  private at = 0;
  /** Per closing tag (`</code>`…), the last line holding it: whether a block opened mid-line closes later. */
  private lastCloser = new Map<string, number>();
  /** The last line holding `))`: whether a footnote open at a paragraph's end closes later. */
  private lastFootnoteCloser = -1;

  constructor(
    private readonly lines: string[],
    private readonly context: ParseContext,
  ) {
    lines.forEach((line, index) => {
      if (line.includes("))")) this.lastFootnoteCloser = index;
      if (!line.includes("</")) return;
      for (const tag of CODE_TAGS) if (line.includes(`</${tag}>`)) this.lastCloser.set(tag, index);
    });
  }

  /**
   * Where a code, file, HTML or PHP block opens inside this line to close on a later one (DokuWiki
   * lets one start mid-line, in a paragraph or a list item), or -1.
   */
  private blockOpening(line: string): number {
    if (!CODE_OPEN_INSIDE.test(line)) return -1;
    const closers = new Closers(line);
    let i = 0;
    while (i < line.length) {
      // Inside monospace, `%%…%%`, `<nowiki>` or a link, a tag is text, as in DokuWiki.
      const literal = [
        ["''", "''"],
        ["%%", "%%"],
        ["<nowiki>", "</nowiki>"],
      ].find(([open]) => line.startsWith(open, i));
      if (literal) {
        const end = closers.next(literal[1], i + literal[0].length);
        if (end < 0) return -1;
        i = end + literal[1].length;
        continue;
      }
      const link = line.startsWith("[[", i) ? closers.link(i + 2) : -1;
      if (link >= 0) {
        i = link + 2;
        continue;
      }
      CODE_OPEN_AT.lastIndex = i;
      const match = line[i] === "<" ? CODE_OPEN_AT.exec(line) : null;
      if (match) {
        const close = closers.next(`</${match[1]}>`, i);
        if (close < 0 && INLINE_RAW.includes(match[1])) {
          // Inline even over several lines: the paragraph goes on, and the inline lexer reads it.
          i += match[0].length;
          continue;
        }
        if (close < 0) return (this.lastCloser.get(match[1]) ?? -1) > this.at ? i : -1;
        // Closed on this line: the inline lexer reads it.
        i = close + match[1].length + 3;
        continue;
      }
      i++;
    }
    return -1;
  }

  parse(): NodeJSON[] {
    const blocks: NodeJSON[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (!line.trim()) {
        this.at++;
      } else if (LIST_ITEM.test(line)) {
        append(blocks, this.lists());
      } else if (PREFORMATTED.test(line)) {
        // Indented by two spaces or a tab, a line is preformatted whatever it holds, as in DokuWiki.
        blocks.push(this.preformatted());
      } else if (MACRO_LINE.test(line)) {
        // A macro alone on its line leaves no empty paragraph, so a heading after it can still be the title.
        this.inline(line, this.at + 1);
        this.at++;
      } else if (CODE_OPEN.test(line)) {
        blocks.push(this.codeBlock());
      } else if (isHeading(line)) {
        blocks.push(this.heading(line));
      } else if (RULE.test(line)) {
        blocks.push({ type: "horizontalRule" });
        this.at++;
      } else if (TABLE_ROW.test(line)) {
        blocks.push(this.table());
      } else if (QUOTE.test(line)) {
        blocks.push(this.quote());
      } else {
        append(blocks, this.paragraph());
      }
    }
    return blocks;
  }

  private inline(text: string, line: number): NodeJSON[] {
    return new InlineParser(this.context).parse(text, line);
  }

  /**
   * Inline content as blocks: paragraphs, and a figure for each `{{file}}` in it. The document has
   * no inline picture, so a figure inside text splits its paragraph there, which is reported; a
   * figure with nothing before it that floats beside the text after it (`{{ a.png}}`, `{{a.png }}`)
   * or stands alone is as DokuWiki shows it.
   */
  private blocks(written: NodeJSON[]): NodeJSON[] {
    const inline = this.context.siteUrl ? this.fileLinks(written, this.context.siteUrl) : written;
    if (!inline.some((node) => node.type === "figure")) return inline.length ? [{ type: "paragraph", content: finishInline(inline) }] : [];
    const blocks: NodeJSON[] = [];
    let run: NodeJSON[] = [];
    let textBefore = false;
    const unaligned: NodeJSON[] = [];
    const report = (figure: NodeJSON) => {
      const origin = this.context.figures.get(figure);
      if (origin) this.context.warnings.add(origin.line, origin.construct, "a file inside text is shown as a figure of its own, between the text before and after it");
    };
    const endRun = () => {
      const content = trimInline(finishInline(run));
      run = [];
      if (!content.length) return;
      blocks.push({ type: "paragraph", content });
      textBefore = true;
      // Text after a figure that does not float: DokuWiki showed it within the line.
      for (const figure of unaligned.splice(0)) report(figure);
    };
    for (const node of inline) {
      if (node.type !== "figure") {
        run.push(node);
        continue;
      }
      endRun();
      blocks.push(node);
      if (textBefore) report(node);
      else if (!node.attrs?.align) unaligned.push(node);
    }
    endRun();
    return blocks;
  }

  /** DokuWiki reads a heading's text as written: markup inside it is not formatting. */
  private heading(line: string): NodeJSON {
    const trimmed = trimChars(line, " \t");
    let equals = 0;
    while (trimmed[equals] === "=") equals++;
    this.at++;
    const text = trimChars(trimChars(trimmed, "="), " \t");
    const level = Math.min(5, Math.max(1, 7 - equals));
    return { type: "heading", attrs: { level }, ...(text ? { content: [{ type: "text", text }] } : {}) };
  }

  private codeBlock(): NodeJSON {
    const startLine = this.at + 1;
    const [, tag, params, rest] = CODE_OPEN.exec(this.lines[this.at])!;
    const close = `</${tag}>`;
    const body: string[] = [];
    let text = rest;
    for (;;) {
      const end = text.indexOf(close);
      if (end >= 0) {
        body.push(text.slice(0, end));
        text = text.slice(end + close.length);
        break;
      }
      body.push(text);
      this.at++;
      if (this.at >= this.lines.length) {
        throw new DokuWikiSyntaxError(startLine, `<${tag}> is never closed with ${close}`);
      }
      text = this.lines[this.at];
    }
    // Text after the closing tag stays, read as the start of what follows.
    if (text.trim()) this.lines[this.at] = text;
    else this.at++;
    const code = body.join("\n").replace(/^\n|\n$/g, "");
    const kind = tag.toLowerCase();
    let language: string | null;
    let fileName: string | null = null;
    if (kind === "html" || kind === "php") {
      language = kind;
      this.context.warnings.add(startLine, `<${tag}>`, `raw ${kind.toUpperCase()} is shown as code, never run`);
    } else {
      const [lang, name] = params.trim().split(/\s+/);
      language = lang && lang !== "-" && !lang.startsWith("[") ? lang.toLowerCase().replace(/[^a-z0-9+#-]/g, "") || null : null;
      fileName = name && !name.startsWith("[") ? name : null;
    }
    return {
      type: "codeBlock",
      attrs: { language, ...(fileName ? { fileName } : {}) },
      ...(code ? { content: [{ type: "text", text: code }] } : {}),
    };
  }

  /**
   * Files that are no pictures, inside text, as links to their pages in the library (the text's
   * link is the file's title, else its name), so a sentence linking a document stays whole.
   */
  private fileLinks(inline: NodeJSON[], siteUrl: string): NodeJSON[] {
    const isText = (node: NodeJSON) => node.type !== "figure" && node.type !== "hardBreak" && (node.type !== "text" || !!node.text?.trim());
    const textAfter: boolean[] = [];
    for (let i = inline.length - 1, seen = false; i >= 0; i--) {
      textAfter[i] = seen;
      seen ||= isText(inline[i]);
    }
    let textBefore = false;
    return inline.map((node, i) => {
      const origin = node.type === "figure" ? this.context.figures.get(node) : undefined;
      const around = textBefore || textAfter[i];
      textBefore ||= isText(node);
      if (!origin?.file || !around) return node;
      const name = String(node.attrs?.media);
      const href = new URL(mediaHref(name), siteUrl).href;
      return { type: "text", text: node.content?.length ? textContent(node) : name.slice(name.lastIndexOf(":") + 1), marks: [linkMark(href)] };
    });
  }

  private paragraph(): NodeJSON[] {
    const first = this.at + 1;
    const parts: string[] = [];
    // Whether a footnote opened in the paragraph is still open (a `((` after the last `))`).
    let footnoteOpen = false;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (footnoteOpen && this.lastFootnoteCloser >= this.at) {
        // As in DokuWiki, a footnote goes on over blank lines and blocks to its `))`: a blank line
        // is a line break of the note, other lines are its text.
        if (!line.trim()) this.context.warnings.add(this.at + 1, "((…))", "a footnote over several paragraphs is one note, its paragraphs apart by line breaks");
        parts.push(line.trim() || NOTE_BREAK);
        footnoteOpen = stillOpen(line, footnoteOpen);
        this.at++;
        continue;
      }
      if (!line.trim() || (parts.length && startsBlock(line))) break;
      const opening = this.blockOpening(line);
      if (opening > 0) {
        // The block goes on from here; what comes before it ends the paragraph.
        parts.push(line.slice(0, opening).trim());
        this.lines[this.at] = line.slice(opening);
        break;
      }
      parts.push(line.trim());
      footnoteOpen = stillOpen(line, footnoteOpen);
      this.at++;
    }
    return this.blocks(this.inline(parts.join("\n"), first));
  }

  private preformatted(): NodeJSON {
    const body: string[] = [];
    while (this.at < this.lines.length) {
      const match = PREFORMATTED.exec(this.lines[this.at]);
      if (!match) break;
      body.push(match[1]);
      this.at++;
    }
    return { type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: body.join("\n") }] };
  }

  /**
   * Consecutive list lines. As in DokuWiki, an item is two or more spaces (or one or more tabs)
   * before `*` or `-`, and every two spaces (or each tab) of indentation is one level deeper.
   */
  private lists(): NodeJSON[] {
    const items: { depth: number; ordered: boolean; text: string; line: number; code?: NodeJSON }[] = [];
    while (this.at < this.lines.length) {
      const match = LIST_ITEM.exec(this.lines[this.at]);
      if (!match) break;
      const depth = Math.floor(match[1].replace(/\t/g, "  ").length / 2);
      const line = this.at + 1;
      const opening = this.blockOpening(match[3]);
      if (opening >= 0) {
        // A block opened in an item belongs to that item.
        this.lines[this.at] = match[3].slice(opening);
        items.push({ depth, ordered: match[2] === "-", text: match[3].slice(0, opening), line, code: this.codeBlock() });
        continue;
      }
      items.push({ depth, ordered: match[2] === "-", text: match[3], line });
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
        const content = this.inline(item.text.trim(), item.line);
        // An item starts with a paragraph, empty when the item starts with a figure.
        const blocks = this.blocks(content);
        if (blocks[0]?.type !== "paragraph") blocks.unshift({ type: "paragraph" });
        if (item.code) blocks.push(item.code);
        listItems.push({ type: "listItem", content: blocks });
      }
      return { type: ordered ? "orderedList" : "bulletList", content: listItems };
    };
    // A run of lines may hold lists of both kinds one after the other.
    const lists: NodeJSON[] = [];
    while (index < items.length) lists.push(build(items[index].depth));
    return lists;
  }

  /**
   * Table rows; `||` spans a cell over one more column, a cell holding only `:::` spans the one
   * above over one more row, and rows shorter than the widest are filled with empty cells.
   */
  private table(): NodeJSON {
    const rows: NodeJSON[] = [];
    // Per column, the cell that a `:::` below it extends.
    const above: (NodeJSON | undefined)[] = [];
    // Per row, the columns it covers.
    const widths: number[] = [];
    while (this.at < this.lines.length && TABLE_ROW.test(this.lines[this.at])) {
      const line = this.lines[this.at].trim();
      const cells: NodeJSON[] = [];
      let column = 0;
      for (const { delimiter, raw } of splitRow(line)) {
        if (!raw.length && cells.length) {
          const previous = cells.at(-1)!;
          previous.attrs = { ...previous.attrs, colspan: Number(previous.attrs?.colspan ?? 1) + 1 };
          column++;
          continue;
        }
        if (raw.trim() === ":::" && above[column]) {
          const spanned = above[column]!;
          spanned.attrs = { ...spanned.attrs, rowspan: Number(spanned.attrs?.rowspan ?? 1) + 1 };
          column++;
          continue;
        }
        const content = this.blocks(this.inline(raw.trim(), this.at + 1));
        const cell: NodeJSON = {
          type: delimiter === "^" ? "tableHeader" : "tableCell",
          attrs: { colspan: 1, rowspan: 1, colwidth: null, align: cellAlignment(raw) },
          content: content.length ? content : [{ type: "paragraph" }],
        };
        cells.push(cell);
        above[column] = cell;
        column++;
      }
      rows.push({ type: "tableRow", content: cells.length ? cells : [emptyCell()] });
      widths.push(Math.max(column, 1));
      this.at++;
    }
    // As in DokuWiki, a row shorter than the widest is filled with empty cells.
    const width = Math.max(...widths);
    rows.forEach((row, index) => {
      for (let missing = width - widths[index]; missing > 0; missing--) row.content!.push(emptyCell());
    });
    return { type: "table", content: rows };
  }

  /**
   * Lines starting with `>`; more `>` nest deeper. Consecutive lines of one depth keep their line
   * breaks, an empty one included, as DokuWiki shows them.
   */
  private quote(): NodeJSON {
    const lines: { depth: number; text: string; line: number }[] = [];
    while (this.at < this.lines.length) {
      const match = QUOTE.exec(this.lines[this.at]);
      if (!match) break;
      lines.push({ depth: match[1].length, text: match[2], line: this.at + 1 });
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
        const inline: NodeJSON[] = [];
        for (let first = true; index < lines.length && lines[index].depth === depth; first = false, index++) {
          if (!first) inline.push({ type: "hardBreak" });
          append(inline, this.inline(lines[index].text.trim(), lines[index].line));
        }
        while (inline.at(-1)?.type === "hardBreak") inline.pop();
        const blocks = this.blocks(inline);
        if (blocks.length) append(content, blocks);
        else content.push({ type: "paragraph" });
      }
      return { type: "blockquote", content: content.length ? content : [{ type: "paragraph" }] };
    };
    return build(1);
  }
}

/** A blank line inside a footnote, for the inline parser: a line break of the note (no input holds it: checkInput refuses control characters). */
const NOTE_BREAK = "\u0001";

/** Whether a footnote is open after `line`: one opens after its last `))`, or one open before it does not close in it. */
function stillOpen(line: string, open: boolean): boolean {
  const opener = line.lastIndexOf("((");
  const closer = line.lastIndexOf("))");
  if (opener > closer) return true;
  return closer < 0 ? open : false;
}

/** DokuWiki's heading: `==` or more, some text, `==` or more, alone on the line. */
function isHeading(line: string): boolean {
  const trimmed = trimChars(line, " \t");
  return trimmed.length >= 5 && trimmed.startsWith("==") && trimmed.endsWith("==") && !trimmed.includes("\n");
}

/** `text` without any of `chars` at either end (a loop: a regex like `=+$` is quadratic on long runs). */
function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start++;
  while (end > start && chars.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function startsBlock(line: string): boolean {
  return isHeading(line) || RULE.test(line) || LIST_ITEM.test(line) || TABLE_ROW.test(line) || QUOTE.test(line) || CODE_OPEN.test(line) || PREFORMATTED.test(line);
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

/**
 * The cells of a table row: each with the `|` or `^` that opens it and its raw text. A `|` inside a
 * link, footnote, `%%…%%` or `<nowiki>` does not end a cell. Footnotes that never close are
 * remembered by where their scan went, so a row full of them is still read in linear time.
 */
function splitRow(line: string): { delimiter: string; raw: string }[] {
  const closers = new Closers(line);
  const failed = new Uint8Array(line.length + 1);
  const footnoteEnd = (from: number): number => {
    const visited: number[] = [];
    let i = from;
    let end = -1;
    while (i < line.length && !failed[i]) {
      visited.push(i);
      if (line.startsWith("))", i)) {
        end = i;
        break;
      }
      const skip = closers.skipProtected(i);
      i = skip > i ? skip : i + 1;
    }
    if (end < 0) for (const at of visited) failed[at] = 1;
    return end;
  };
  const cells: { delimiter: string; raw: string }[] = [];
  let start = 0;
  let i = 1;
  while (i <= line.length) {
    if (i === line.length || line[i] === "|" || line[i] === "^") {
      // Text after the last delimiter is a cell too, so that nothing written is lost.
      if (i < line.length || line.slice(start + 1).trim()) cells.push({ delimiter: line[start], raw: line.slice(start + 1, i) });
      start = i;
      i++;
      continue;
    }
    if (line.startsWith("((", i) && closers.last("))") >= i + 2) {
      const end = footnoteEnd(i + 2);
      if (end >= 0) {
        i = end + 2;
        continue;
      }
    }
    const skip = closers.skipProtected(i);
    i = skip > i ? skip : i + 1;
  }
  return cells;
}

/**
 * Where closing markup is in one text, found without rescanning: the last place each closer
 * occurs (DokuWiki opens a span only when its closer comes later) and, for `[[`, the `]]` that
 * ends each link.
 */
class Closers {
  private lastAt = new Map<string, number>();
  /** Per closer, the last answer of `next` and where it was asked from: scans move forward, so each text is searched about once. */
  private nextAt = new Map<string, { from: number; at: number }>();
  private linkClose: Int32Array | null = null;

  constructor(private readonly text: string) {}

  last(closer: string): number {
    let at = this.lastAt.get(closer);
    if (at === undefined) this.lastAt.set(closer, (at = this.text.lastIndexOf(closer)));
    return at;
  }

  /** The next `closer` at or after `from`, when the text has one; -1 otherwise. */
  next(closer: string, from: number): number {
    if (this.last(closer) < from) return -1;
    const cached = this.nextAt.get(closer);
    if (cached && cached.from <= from && from <= cached.at) return cached.at;
    const at = this.text.indexOf(closer, from);
    this.nextAt.set(closer, { from, at });
    return at;
  }

  /** The index of the `]]` ending a link whose body starts at `from` (`]]` not followed by `]`, as in DokuWiki), or -1. */
  link(from: number): number {
    if (!this.linkClose) {
      const text = this.text;
      const close = new Int32Array(text.length + 2).fill(-1);
      for (let i = text.length - 2; i >= 0; i--) {
        close[i] = text[i] === "]" && text[i + 1] === "]" && text[i + 2] !== "]" ? i : close[i + 1];
      }
      this.linkClose = close;
    }
    return from < this.text.length ? this.linkClose[from] : -1;
  }

  /** Past a link, `%%…%%`, `<nowiki>…</nowiki>` or `{{…}}` starting at `i`; `i` when none does. */
  skipProtected(i: number): number {
    const text = this.text;
    if (text.startsWith("[[", i)) {
      const end = this.link(i + 2);
      if (end >= 0) return end + 2;
    } else if (text.startsWith("%%", i)) {
      const end = this.next("%%", i + 2);
      if (end >= 0) return end + 2;
    } else if (text.startsWith("<nowiki>", i)) {
      const end = this.next("</nowiki>", i + 8);
      if (end >= 0) return end + 9;
    } else if (text.startsWith("{{", i)) {
      // Media: a `|` before the title is not a table's.
      const end = this.next("}}", i + 2);
      if (end >= 0) return end + 2;
    }
    return i;
  }
}

type FrameKind = "root" | "footnote" | "bold" | "italic" | "underline" | "code" | "subscript" | "superscript" | "strike";

/** DokuWiki's formatting: each opens only when its closer comes later, and none nests in itself. */
const FORMATS: { open: string; close: string; kind: FrameKind }[] = [
  { open: "**", close: "**", kind: "bold" },
  { open: "//", close: "//", kind: "italic" },
  { open: "__", close: "__", kind: "underline" },
  { open: "''", close: "''", kind: "code" },
  { open: "<sub>", close: "</sub>", kind: "subscript" },
  { open: "<sup>", close: "</sup>", kind: "superscript" },
  { open: "<del>", close: "</del>", kind: "strike" },
];

/** DokuWiki's default typography (conf/entities.conf), tried in this order. */
const ENTITIES: [string, string][] = [
  ["<->", "↔"],
  ["->", "→"],
  ["<-", "←"],
  ["<=>", "⇔"],
  ["=>", "⇒"],
  ["<=", "⇐"],
  [">>", "»"],
  ["<<", "«"],
  ["---", "—"],
  ["--", "–"],
  ["(c)", "©"],
  ["(tm)", "™"],
  ["(r)", "®"],
  ["...", "…"],
];

/**
 * DokuWiki's default smileys (conf/smileys.conf) as the emoji closest to each picture. LOL, FIXME and
 * DELETEME stay words: DokuWiki shows them as pictures whose text is the word itself.
 */
const SMILEYS: [string, string][] = [
  ["8-)", "😎"],
  ["8-O", "😲"],
  ["8-o", "😲"],
  [":-(", "🙁"],
  [":-)", "🙂"],
  ["=)", "😊"],
  [":-/", "😕"],
  [":-\\", "😕"],
  [":-?", "😕"],
  [":-D", "😀"],
  [":-P", "😛"],
  [":-o", "😮"],
  [":-O", "😮"],
  [":-x", "🤐"],
  [":-X", "🤐"],
  [":-|", "😐"],
  [";-)", "😉"],
  ["m(", "🤦"],
  ["^_^", "😄"],
  [":?:", "❓"],
  [":!:", "❗"],
];

const SMILEY_STARTS = SMILEYS.map(([smiley]) => smiley[0]).join("");

/** The emoji a DokuWiki smiley (`:-)`) is shown as, if it is one. */
export const smileyEmoji = (smiley: string): string | undefined => SMILEYS.find(([s]) => s === smiley)?.[1];
const ENTITY_STARTS = ENTITIES.map(([entity]) => entity[0]).join("");
const WORD = /[\p{L}\p{N}_]/u;
/** Characters of a bare URL and the punctuation it does not end with, as in DokuWiki's externallink mode. */
const URL_CHAR = /[\p{L}\p{N}_/#~:.?+=&%@!\-[\]]/u;
const URL_PUNCTUATION = ".:?-;,";
const URL_SCHEME = /(?:https?|ftp|telnet|gopher|wais|ed2k|irc|ldap):\/\//iy;
const BARE_HOST = /(?:www?|ftp?)\./iy;
const EMAIL_ADDRESS = "[0-9a-zA-Z!#$%&'*+/=?^_`{|}~-]+(?:\\.[0-9a-zA-Z!#$%&'*+/=?^_`{|}~-]+)*@(?:[0-9a-zA-Z][0-9a-zA-Z-]*\\.)+[a-zA-Z]{2,63}";
const EMAIL_LINK = new RegExp(`<(${EMAIL_ADDRESS})>`, "y");
const EMAIL_TARGET = new RegExp(`^(?:mailto:)?(${EMAIL_ADDRESS})$`);
const WINDOWS_SHARE = /\\\\[\p{L}\p{N}_]+(?:\\[\p{L}\p{N}_$-]+)+/uy;
const MULTIPLY = /(?:[1-9]|\d{2,})[xX]\d+/y;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?\/?>/y;
/** Quote typography: what counts as space before an opening `"`, and as punctuation after it. */
const QUOTE_SPACE = /[\s/#~:+=&%@\-()[\]{}><"']/;
const QUOTE_PUNCTUATION = /[;,.?!]/;
/** Text around a footnote's only link that a locator can say: "p. 12", "pp. 3–4", "§ 2", "chapter 3". */
const LOCATOR =
  /^(?:(?:p|pp|pg|para|paras|ch|chap|sec|fig|figs|vol|no|col|l|ll|n|nn)\.|pages?|chapters?|sections?|§§?|figures?|tables?|lines?|at)\s*[\p{N}ivxlcdm][\p{L}\p{N}.,:–—\-\s]{0,30}$/iu;
const EDGE_SEPARATORS = /^[\s,;:.–—-]+|[\s,;:.–—-]+$/g;

interface Frame {
  kind: FrameKind;
  open: string;
  close: string;
  out: NodeJSON[];
  line: number;
}

/**
 * DokuWiki's inline lexer, in one pass with a stack of open spans: each character is looked at
 * a bounded number of times, so adversarial markup parses in linear time. A span whose closer never
 * comes is put back as the text it was.
 */
class InlineParser {
  private text = "";
  private closers = new Closers("");
  private firstLine = 1;
  private lineCursor = { offset: 0, line: 1 };

  constructor(private readonly context: ParseContext) {}

  parse(text: string, firstLine: number): NodeJSON[] {
    this.text = text;
    this.closers = new Closers(text);
    this.firstLine = firstLine;
    this.lineCursor = { offset: 0, line: firstLine };
    const stack: Frame[] = [{ kind: "root", open: "", close: "", out: [], line: firstLine }];
    let buffer = "";
    const top = () => stack[stack.length - 1];
    const flush = () => {
      if (buffer) top().out.push({ type: "text", text: buffer });
      buffer = "";
    };
    const emit = (...nodes: NodeJSON[]) => {
      flush();
      append(top().out, nodes);
    };
    const close = (closed: boolean) => {
      flush();
      const frame = stack.pop()!;
      const parent = top().out;
      if (!closed) {
        parent.push({ type: "text", text: frame.open });
        append(parent, frame.out);
      } else if (frame.kind === "footnote") {
        const citation = this.footnote(frame.out, frame.line);
        if (citation) parent.push(citation);
      } else {
        append(parent, withMark(frame.out, frame.kind));
      }
    };
    // The lowest frame whose closer counts: the innermost footnote, which starts its formatting afresh.
    const innermost = () => {
      let from = stack.length - 1;
      while (from > 1 && stack[from].kind !== "footnote") from--;
      return from;
    };
    const isOpen = (kind: FrameKind) => {
      for (let d = stack.length - 1, end = innermost(); d >= end && d > 0; d--) if (stack[d].kind === kind) return true;
      return false;
    };

    let i = 0;
    scan: while (i < text.length) {
      const c = text[i];

      // Spaces, and letters and digits inside a word, start no markup: the common case, kept fast.
      const code = text.charCodeAt(i);
      if (code === 32 || (isAlphanumeric(code) && i > 0 && isAlphanumeric(text.charCodeAt(i - 1)))) {
        buffer += c;
        i++;
        continue;
      }

      // Closing markup of an open span (spans opened after it and still open were never closed).
      if (stack.length > 1) {
        for (let d = stack.length - 1, end = innermost(); d >= end; d--) {
          const frame = stack[d];
          if (!text.startsWith(frame.close, i) || (frame.close === "//" && text[i - 1] === ":")) continue;
          while (top() !== frame) close(false);
          close(true);
          i += frame.close.length;
          continue scan;
        }
      }

      if (c === NOTE_BREAK) {
        buffer = buffer.trimEnd();
        emit({ type: "hardBreak" });
        i++;
        while (text[i] === " " || text[i] === "\n") i++;
        continue;
      }

      if (c === "\\" && text[i + 1] === "\\") {
        if (i + 2 === text.length || " \t\n".includes(text[i + 2])) {
          emit({ type: "hardBreak" });
          i += 2;
          while (text[i] === " " || text[i] === "\t" || text[i] === "\n") i++;
          continue;
        }
        WINDOWS_SHARE.lastIndex = i;
        const share = WINDOWS_SHARE.exec(text);
        if (share) {
          emit(...this.shareLink(share[0], null, i));
          i += share[0].length;
          continue;
        }
      }

      if (c === "(" && text[i + 1] === "(" && !stack.some((f) => f.kind === "footnote") && this.closers.last("))") >= i + 2) {
        flush();
        stack.push({ kind: "footnote", open: "((", close: "))", out: [], line: this.lineAt(i) });
        i += 2;
        continue;
      }

      if ("*/_<'".includes(c)) {
        for (const format of FORMATS) {
          if (!text.startsWith(format.open, i) || isOpen(format.kind)) continue;
          if (format.kind === "italic" && text[i - 1] === ":") continue;
          if (this.closers.last(format.close) < i + format.open.length) continue;
          flush();
          stack.push({ kind: format.kind, open: format.open, close: format.close, out: [], line: this.lineAt(i) });
          i += format.open.length;
          continue scan;
        }
      }

      // `%%…%%` and `<nowiki>`: literal text.
      if (c === "%" || c === "<") {
        const skip = this.closers.skipProtected(i);
        if (skip > i) {
          buffer += collapse(c === "%" ? text.slice(i + 2, skip - 2) : text.slice(i + 8, skip - 9));
          i = skip;
          continue;
        }
      }
      if (c === "<") {
        CODE_OPEN_AT.lastIndex = i;
        const opener = CODE_OPEN_AT.exec(text);
        const end = opener ? this.closers.next(`</${opener[1]}>`, i + opener[0].length) : -1;
        if (opener && end >= 0) {
          const tag = opener[1];
          const raw = /^(html|php)$/i.test(tag);
          this.warn(i, opener[0], raw ? `raw ${tag.toUpperCase()} is shown as code, never run` : "a code block inside a paragraph is shown as inline code");
          const code = collapse(text.slice(i + opener[0].length, end).trim());
          if (code) emit({ type: "text", text: code, marks: [{ type: "code" }] });
          i = end + tag.length + 3;
          continue;
        }
        EMAIL_LINK.lastIndex = i;
        const email = EMAIL_LINK.exec(text);
        if (email) {
          const href = safeUrl(`mailto:${email[1]}`);
          if (href) {
            emit({ type: "text", text: email[1], marks: [linkMark(href)] });
            i += email[0].length;
            continue;
          }
        }
        TAG.lastIndex = i;
        const tag = TAG.exec(text);
        if (tag) {
          this.warn(i, tag[0], "an unknown tag is kept as text");
          buffer += collapse(tag[0]);
          i += tag[0].length;
          continue;
        }
      }

      if (c === "[" && text[i + 1] === "[") {
        const end = this.closers.link(i + 2);
        if (end >= 0) {
          emit(...this.link(text.slice(i + 2, end), i));
          i = end + 2;
          continue;
        }
      }

      if (c === "{" && text[i + 1] === "{") {
        const end = this.closers.next("}}", i + 2);
        const nested = end >= 0 ? this.closers.next("{{", i + 2) : -1;
        if (end >= 0 && (nested < 0 || nested > end)) {
          emit(...this.embed(text.slice(i + 2, end), i));
          i = end + 2;
          continue;
        }
      }

      if (c === "~" && text[i + 1] === "~") {
        MACRO.lastIndex = i;
        const macro = MACRO.exec(text);
        if (macro) {
          const what =
            macro[1] === "NOTOC"
              ? "the table of contents is always shown"
              : macro[1] === "NOCACHE"
                ? "pages are always rendered fresh; the macro is not needed"
                : "this macro is not supported and was left out";
          this.warn(i, macro[0], what);
          i += macro[0].length;
          continue;
        }
      }

      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      const afterWord = isAlphanumeric(before) || before === 95 || (before > 127 && WORD.test(text[i - 1]));
      if (!afterWord && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
        const url = this.bareUrl(i);
        if (url) {
          emit(...url.nodes);
          i = url.end;
          continue;
        }
      }

      if (!afterWord && SMILEY_STARTS.includes(c)) {
        for (const [smiley, emoji] of SMILEYS) {
          if (!text.startsWith(smiley, i)) continue;
          const next = text[i + smiley.length];
          if (next !== undefined && WORD.test(next)) continue;
          buffer += emoji;
          i += smiley.length;
          continue scan;
        }
      }
      for (const [entity, character] of ENTITY_STARTS.includes(c) ? ENTITIES : []) {
        if (!text.startsWith(entity, i)) continue;
        buffer += character;
        i += entity.length;
        continue scan;
      }
      if (!afterWord && c >= "0" && c <= "9") {
        MULTIPLY.lastIndex = i;
        const product = MULTIPLY.exec(text);
        const next = product ? text[i + product[0].length] : undefined;
        if (product && (next === undefined || !WORD.test(next))) {
          buffer += product[0].replace(/[xX]/, "×");
          i += product[0].length;
          continue;
        }
      }
      if (c === '"') {
        const next = text[i + 1];
        const opening = (i === 0 || QUOTE_SPACE.test(text[i - 1])) && next !== undefined && !QUOTE_SPACE.test(next) && !QUOTE_PUNCTUATION.test(next);
        buffer += opening ? "“" : "”";
        i++;
        continue;
      }

      buffer += c === "\n" ? " " : c;
      i++;
    }
    while (stack.length > 1) close(false);
    flush();
    return finishInline(stack[0].out);
  }

  private lineAt(offset: number): number {
    const cursor = offset >= this.lineCursor.offset ? this.lineCursor : { offset: 0, line: this.firstLine };
    let line = cursor.line;
    for (let i = cursor.offset; i < offset; i++) if (this.text[i] === "\n") line++;
    this.lineCursor = { offset, line };
    return line;
  }

  private warn(offset: number, construct: string, message: string): void {
    this.context.warnings.add(this.lineAt(offset), construct, message);
  }

  /** A bare `http://…`, `www.…` or `ftp.…` address at `i`, as DokuWiki's externallink mode finds them. */
  private bareUrl(i: number): { nodes: NodeJSON[]; end: number } | null {
    const text = this.text;
    let prefix = "";
    let start: number;
    URL_SCHEME.lastIndex = i;
    if (URL_SCHEME.test(text)) {
      start = URL_SCHEME.lastIndex;
    } else {
      BARE_HOST.lastIndex = i;
      if (i > 0 && "/\\".includes(text[i - 1])) return null;
      if (!BARE_HOST.test(text)) return null;
      start = BARE_HOST.lastIndex;
      prefix = /^f/i.test(text[i]) ? "ftp://" : "http://";
    }
    let end = start;
    while (end < text.length && URL_CHAR.test(text[end])) end++;
    while (end > start && URL_PUNCTUATION.includes(text[end - 1])) end--;
    if (end === start) return null;
    const written = text.slice(i, end);
    // DokuWiki wants a dot inside the host after `www.`: "www.example.org", not "www.example".
    if (prefix && !/^[^.]+\.../.test(text.slice(start, end))) return null;
    const href = safeUrl(prefix + written);
    if (!href) {
      this.warn(i, written, "an address with this scheme cannot be a link here; it is kept as text");
      return { nodes: [{ type: "text", text: written }], end };
    }
    return { nodes: [{ type: "text", text: written, marks: [linkMark(href)] }], end };
  }

  /** `[[target|label]]`: interwiki, Windows share, external, e-mail, same-page section or wiki page, as DokuWiki decides. */
  private link(body: string, at: number): NodeJSON[] {
    const bar = body.indexOf("|");
    const target = (bar < 0 ? body : body.slice(0, bar)).trim();
    const label = bar < 0 ? null : collapse(body.slice(bar + 1)).trim() || null;
    const image = label ? /^\{\{([^}]+)\}\}$/.exec(label) : null;
    if (!image) return this.linkNodes(body, target, label, at);
    // A picture as the label: the link's text is the picture's title, else what a link without a label shows.
    const media = parseMedia(image[1]);
    const nodes = this.linkNodes(body, target, media.title, at);
    const written = `[[${body}]]`;
    if (!nodes.some((node) => node.marks?.length)) return nodes;
    if (media.external) {
      this.warn(at, written, "a picture on another site as a link's label is not shown: its title (or the target) is the link's text");
      return nodes;
    }
    const figure = this.figure(media, written, at, nodes);
    if (figure) this.warn(at, written, "a picture used as a link is shown as a figure whose caption is the link");
    return figure ?? nodes;
  }

  private linkNodes(body: string, target: string, givenLabel: string | null, at: number): NodeJSON[] {
    let label = givenLabel;
    const literal = (why: string): NodeJSON[] => {
      this.warn(at, `[[${body}]]`, why);
      return [{ type: "text", text: collapse(`[[${body}]]`) }];
    };
    const linked = (text: string, mark: MarkJSON): NodeJSON[] => [{ type: "text", text, marks: [mark] }];

    if (/^[a-zA-Z0-9.]+>/.test(target)) {
      const [shortcut, reference] = [target.slice(0, target.indexOf(">")), target.slice(target.indexOf(">") + 1)];
      const address = interwikiAddress(this.context.interwiki, shortcut, reference);
      if (address === null) return literal(`the interwiki shortcut "${shortcut}" is not known`);
      if (address.startsWith(":")) return this.wikiLink(address, label ?? reference) ?? literal("the interwiki link names no page");
      const href = safeUrl(address);
      return href ? linked(label ?? reference, linkMark(href)) : literal(`the interwiki address ${address} cannot be a link here`);
    }
    if (/^\\\\[^\\]+?\\/.test(target)) return this.shareLink(target, label, at);
    if (/^[a-z0-9\-.+]+?:\/\//i.test(target)) {
      const href = safeUrl(target);
      return href ? linked(label ?? target, linkMark(href)) : literal("an address with this scheme cannot be a link here");
    }
    const email = EMAIL_TARGET.exec(target);
    if (email) {
      const href = safeUrl(`mailto:${email[1]}`);
      return href ? linked(label ?? email[1], linkMark(href)) : literal("the e-mail address cannot be a link");
    }
    if (/^#./.test(target)) {
      if (!this.context.pageId) return literal("a link to a section of this page needs the page's id");
      label ??= target.slice(1);
      return linked(label, { type: "wikiLink", attrs: { target: normalizePageId(this.context.pageId), fragment: dokuWikiSectionId(target.slice(1)) } });
    }
    label ??= linkText(target, this.resolvePage(target)?.pageId ?? null, this.context.pageTitles);
    return this.wikiLink(target, label) ?? literal("the link names no page");
  }

  private resolvePage(target: string): { pageId: string; fragment: string | null } | null {
    const withoutQuery = target.split("?")[0];
    const hashAt = withoutQuery.indexOf("#");
    const page = hashAt < 0 ? withoutQuery : withoutQuery.slice(0, hashAt);
    const hash = hashAt < 0 ? "" : withoutQuery.slice(hashAt + 1);
    const resolved = page ? resolveDokuWikiId(page, this.context.pageId) : this.context.pageId;
    const pageId = normalizePageId(cleanDokuWikiId(resolved));
    return pageId ? { pageId, fragment: hash ? dokuWikiSectionId(hash) || null : null } : null;
  }

  private wikiLink(target: string, label: string): NodeJSON[] | null {
    const resolved = this.resolvePage(target);
    if (!resolved) return null;
    return [{ type: "text", text: label, marks: [{ type: "wikiLink", attrs: { target: resolved.pageId, fragment: resolved.fragment } }] }];
  }

  /** `\\server\share`: a `file:` link to the Windows share. */
  private shareLink(share: string, label: string | null, at: number): NodeJSON[] {
    const href = safeUrl(`file:///${share.replace(/\\/g, "/")}`);
    if (!href) {
      this.warn(at, share, "the Windows share cannot be a link");
      return [{ type: "text", text: label ?? share }];
    }
    return [{ type: "text", text: label ?? share, marks: [linkMark(href)] }];
  }

  /**
   * `{{…}}`: an include of another page (`{{page>…}}`, `{{section>…}}`) becomes a link to it; a
   * file of the wiki becomes a figure ({@link figure}); a file on another site a link to it.
   */
  private embed(body: string, at: number): NodeJSON[] {
    const written = `{{${body}}}`;
    const include = /^\s*(page|section)>([^}]*)$/.exec(body);
    if (include) {
      const [target] = include[2].split("&");
      const resolved = this.resolvePage(target.trim());
      if (resolved) {
        this.warn(at, written, "the included page is linked, not included");
        return [{ type: "text", text: simpleTitle(target.trim()), marks: [{ type: "wikiLink", attrs: { target: resolved.pageId, fragment: resolved.fragment } }] }];
      }
      this.warn(at, written, "the include names no page");
      return [{ type: "text", text: collapse(written) }];
    }
    const feed = /^\s*rss>\s*(\S+)/i.exec(body);
    if (feed) {
      const href = safeUrl(feed[1]);
      if (href) {
        this.warn(at, written, "feeds are linked, not shown");
        return [{ type: "text", text: feed[1], marks: [linkMark(href)] }];
      }
      this.warn(at, written, "the feed's address cannot be a link here; the markup is kept as text");
      return [{ type: "text", text: collapse(written) }];
    }
    const media = parseMedia(body);
    if (media.external) {
      const href = this.externalMediaHref(media.src);
      if (!href) {
        this.warn(at, written, "the file's address cannot be a link here; the markup is kept as text");
        return [{ type: "text", text: collapse(written) }];
      }
      if (isPicture(media.src)) this.warn(at, written, "a picture on another site is linked, not shown: articles show only the wiki's own files");
      return [{ type: "text", text: media.title ?? media.src, marks: [linkMark(href)] }];
    }
    return this.figure(media, written, at, media.title ? [{ type: "text", text: media.title }] : []) ?? [{ type: "text", text: collapse(written) }];
  }

  /** The address of a file on another site (`https://…`, or an interwiki shortcut), when it can be a link. */
  private externalMediaHref(src: string): string | null {
    if (/^[a-zA-Z0-9.]+>/.test(src)) {
      const shortcut = src.slice(0, src.indexOf(">"));
      const address = interwikiAddress(this.context.interwiki, shortcut, src.slice(src.indexOf(">") + 1));
      return address && !address.startsWith(":") ? safeUrl(address) : null;
    }
    return safeUrl(src);
  }

  /**
   * A file of the wiki as a figure, named as DokuWiki resolves it from the page's namespace. As in
   * DokuWiki, a picture's title is its alt text, and here its caption as well; another file's title
   * is the text of its link, here the caption. A picture keeps its width and alignment (its height
   * follows from its proportions); parameters a figure cannot carry are reported. Null, with a
   * report, when the markup names no file.
   */
  private figure(media: DokuWikiMedia, written: string, at: number, caption: NodeJSON[]): NodeJSON[] | null {
    const name = normalizePageId(resolveDokuWikiMediaId(media.src, this.context.pageId));
    if (!/[^:.][^:]*\.[a-z0-9]{1,10}$/.test(name)) {
      this.warn(at, written, "this names no file (a media name ends in its extension); the markup is kept as text");
      return null;
    }
    const picture = isPicture(name);
    const dropped: string[] = [];
    if (picture) {
      if (media.height !== null) dropped.push("the height (a picture keeps its proportions)");
      if (media.width !== null && media.width > MAX_FIGURE_WIDTH) dropped.push(`a width over ${MAX_FIGURE_WIDTH} pixels`);
      if (media.linking === "nolink" || media.linking === "direct") dropped.push(`?${media.linking} (a picture links to its page in the library)`);
      if (media.linking === "linkonly") this.warn(at, written, "?linkonly: in text (with the wiki's address set) the picture is a link to its page; elsewhere it is shown");
    } else if (/\.(?:mp4|webm|ogv|mp3|ogg|oga|wav|flac|m4a)$/.test(name)) {
      dropped.push("playing (audio and video are linked as files)");
    }
    if (media.cache) dropped.push(`?${media.cache} (files are always served as they are)`);
    for (const parameter of media.unknown) dropped.push(`the parameter "${parameter}", which is not known`);
    if (dropped.length) this.warn(at, written, `${dropped.join("; ")}: left out`);
    const width = picture && media.width && media.width <= MAX_FIGURE_WIDTH ? media.width : null;
    const figure: NodeJSON = {
      type: "figure",
      attrs: { media: name, alt: picture ? media.title : null, width, align: picture ? media.align : null },
      ...(caption.length ? { content: caption } : {}),
    };
    // A file that is no picture (or a picture only linked), written as `{{…}}` (not as a link's
    // label), may become a link in text.
    const linked = !picture || media.linking === "linkonly";
    this.context.figures.set(figure, { line: this.lineAt(at), construct: written, file: linked && written.startsWith("{{") });
    return [figure];
  }

  /** A figure in a footnote, which holds text only: its caption (a picture used as a link keeps the link), else the file's name. */
  private figureInNote(figure: NodeJSON): NodeJSON[] {
    const origin = this.context.figures.get(figure);
    if (origin) this.context.warnings.add(origin.line, origin.construct, "a footnote holds text only: the file is named, not shown");
    return figure.content?.length ? figure.content : [{ type: "text", text: String(figure.attrs?.media ?? "") }];
  }

  /**
   * A footnote as a citation. Its first external link names the library source (its text, when it
   * has no link). The footnote's own text is kept as the citation's note unless the source and a
   * locator say all of it: a footnote that is only the source's link, with at most a page or
   * section beside it. Returns null for an empty footnote, which is reported.
   */
  private footnote(content: NodeJSON[], line: number): NodeJSON | null {
    const note = trimInline(finishInline(content.flatMap((node) => (node.type === "figure" ? this.figureInNote(node) : [node]))));
    if (!note.length) {
      this.context.warnings.add(line, "(())", "an empty footnote was left out");
      return null;
    }
    const hrefs = [...new Set(note.flatMap((node) => (node.marks ?? []).filter((m) => m.type === "link").map((m) => String(m.attrs?.href))))].filter((href) =>
      /^(?:https?|ftp):/.test(href),
    );
    let source: ImportedSource;
    let locator: string | null = null;
    let keepNote = true;
    if (hrefs.length) {
      const href = hrefs[0];
      const isSourceLink = (node: NodeJSON) => !!node.marks?.some((m) => m.type === "link" && m.attrs?.href === href);
      const label = note.filter(isSourceLink).map(textContent).join("").trim();
      source = this.context.sources.add({ type: "webpage", title: label || href, url: href });
      const others = note.filter((node) => !isSourceLink(node));
      const around = others.map(textContent).join("").replace(EDGE_SEPARATORS, "");
      const linkOnly = note.filter(isSourceLink).every((node) => node.marks!.length === 1);
      const plainAround = others.every((node) => node.type === "text" && !node.marks?.length);
      const labelSaysNothing = !label || label === source.title || safeUrl(label) === href;
      if (hrefs.length === 1 && linkOnly && plainAround && labelSaysNothing && (!around || LOCATOR.test(around))) {
        keepNote = false;
        locator = around || null;
      }
    } else {
      const title = textContent({ type: "paragraph", content: note }).trim();
      source = this.context.sources.add({ type: "document", title, url: null });
      keepNote = !(note.length === 1 && note[0].type === "text" && !note[0].marks?.length && note[0].text === title);
    }
    return { type: "citation", attrs: { sourceId: source.key, locator, quote: null, note: keepNote ? note : null } };
  }
}

/** The widest a figure may be shown, in CSS pixels (the figure node's own limit). */
const MAX_FIGURE_WIDTH = 4000;

/** `{{…}}` read as DokuWiki's handler reads media (Doku_Handler_Parse_Media). */
interface DokuWikiMedia {
  /** The file's id or address as written, without alignment spaces and parameters. */
  src: string;
  /** A file on another site (`https://…`, `ftp://…`) or behind an interwiki shortcut. */
  external: boolean;
  /** What follows `|`, spaces collapsed; null when nothing does. */
  title: string | null;
  /** A space before the name aligns right, after it left, on both sides centre. */
  align: "left" | "center" | "right" | null;
  width: number | null;
  height: number | null;
  linking: "nolink" | "direct" | "linkonly" | null;
  cache: "nocache" | "recache" | null;
  /** Parameters DokuWiki's core does not know, as written. */
  unknown: string[];
}

/**
 * The parts of `{{body}}` as DokuWiki reads them: the title after the first `|`, alignment from the
 * spaces around the name, and parameters after the name's last `?`, separated by `&`: a size
 * (`200`, `200x100`, `0x100`), how the picture links (`nolink`, `direct`, `linkonly`, `details`) and
 * caching (`nocache`, `recache`, `cache`).
 */
function parseMedia(body: string): DokuWikiMedia {
  const bar = body.indexOf("|");
  const source = bar < 0 ? body : body.slice(0, bar);
  const title =
    bar < 0
      ? null
      : body
          .slice(bar + 1)
          .replace(/\s+/g, " ")
          .trim() || null;
  const right = source.startsWith(" ");
  const left = source.endsWith(" ");
  const align = right && left ? "center" : right ? "right" : left ? "left" : null;
  const trimmed = source.trim();
  const question = trimmed.lastIndexOf("?");
  const src = question < 0 ? trimmed : trimmed.slice(0, question);
  const media: DokuWikiMedia = {
    src,
    external: /^(?:https?|ftp):\/\//i.test(src) || /^[a-zA-Z0-9.]+>/.test(src),
    title,
    align,
    width: null,
    height: null,
    linking: null,
    cache: null,
    unknown: [],
  };
  for (const parameter of question < 0 ? [] : trimmed.slice(question + 1).split("&")) {
    const word = parameter.trim().toLowerCase();
    const size = /^(\d+)(?:x(\d+))?$/.exec(word);
    if (size) {
      media.width = Number(size[1]) || null;
      media.height = size[2] ? Number(size[2]) || null : null;
    } else if (word === "nolink" || word === "direct" || word === "linkonly") media.linking = word;
    else if (word === "nocache" || word === "recache") media.cache = word;
    else if (word && word !== "details" && word !== "cache") media.unknown.push(parameter.trim());
  }
  return media;
}

/** Whether a file is one DokuWiki shows as a picture (and the library draws). */
function isPicture(name: string): boolean {
  return /\.(?:png|jpe?g|gif|webp|avif|svg)$/i.test(name.replace(/[?#].*$/, ""));
}

/** DokuWiki's link text when a link has none: the section when there is one, else the last id segment (the namespace's for a start page). */
function simpleTitle(target: string): string {
  const hashAt = target.indexOf("#");
  if (hashAt >= 0 && target.slice(hashAt + 1)) return target.slice(hashAt + 1);
  const name = (hashAt < 0 ? target : target.slice(0, hashAt)).split("?")[0].replace(/;/g, ":");
  const segments = name.split(":");
  const last = segments.at(-1) ?? "";
  if (last && last !== START_PAGE) return last;
  return segments.slice(0, -1).filter(Boolean).at(-1) ?? START_PAGE;
}

/**
 * The text of a link without a label: the linked page's title when it is known, else DokuWiki's
 * {@link simpleTitle}, or the resolved id's last segment when what is written there is relative (`..`).
 */
function linkText(target: string, pageId: string | null, titles: ReadonlyMap<string, string>): string {
  const title = pageId ? titles.get(pageId) : undefined;
  if (title) return title;
  const written = simpleTitle(target);
  if (!/^\.*$/.test(written) || !pageId) return written;
  return simpleTitle(pageId.endsWith(`:${START_PAGE}`) ? `${pageId.slice(0, -START_PAGE.length)}` : pageId);
}

/** `items` added to the end of `target`; spreading a long array into `push` overflows the stack. */
function append<T>(target: T[], items: T[]): void {
  for (const item of items) target.push(item);
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Line breaks inside inline markup read as spaces (a footnote's paragraph break too). */
function collapse(text: string): string {
  return text.replace(/\s*[\n\u0001]\s*/g, " ");
}

/**
 * The nodes with one more mark. The editor's code mark excludes every other, so monospace goes only
 * on text with no other mark, and text in code takes no other: a link or bold word inside monospace
 * keeps its link or bold rather than the monospace font.
 */
function withMark(nodes: NodeJSON[], type: string): NodeJSON[] {
  return nodes.map((node) => {
    if (node.type === "hardBreak" || node.type === "figure" || node.marks?.some((m) => m.type === "code")) return node;
    if (type === "code" && (node.type !== "text" || node.marks?.length)) return node;
    return { ...node, marks: [...(node.marks ?? []), { type }] };
  });
}

/** Leading and trailing spaces of an inline run removed. */
function trimInline(nodes: NodeJSON[]): NodeJSON[] {
  const out = [...nodes];
  while (out[0]?.type === "hardBreak") out.shift();
  while (out.at(-1)?.type === "hardBreak") out.pop();
  if (out[0]?.type === "text") out[0] = { ...out[0], text: out[0].text!.trimStart() };
  const last = out.length - 1;
  if (out[last]?.type === "text") out[last] = { ...out[last], text: out[last].text!.trimEnd() };
  return out.filter((node) => node.type !== "text" || node.text);
}

function sameMarks(a: MarkJSON[] | undefined, b: MarkJSON[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function linkMark(href: string): MarkJSON {
  return { type: "link", attrs: { href, target: null, rel: null, class: null, title: null } };
}

/** Marks in the schema's order, and adjacent text nodes with the same marks made one. */
function finishInline(nodes: NodeJSON[]): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const raw of nodes) {
    let node = raw;
    if (raw.marks && raw.marks.length > 1) node = { ...raw, marks: orderMarks(raw.marks) };
    else if (raw.marks?.length === 0) node = { type: raw.type, ...(raw.attrs ? { attrs: raw.attrs } : {}), ...(raw.text !== undefined ? { text: raw.text } : {}) };
    // A footnote's paragraph break read as text (inside a link or literal text) is a space.
    if (node.text?.includes(NOTE_BREAK)) node = { ...node, text: collapse(node.text) };
    const previous = out.at(-1);
    if (previous?.type === "text" && node.type === "text" && sameMarks(previous.marks, node.marks)) {
      out[out.length - 1] = { ...previous, text: previous.text! + node.text! };
    } else if (node.type !== "text" || node.text) {
      out.push(node);
    }
  }
  return out;
}
