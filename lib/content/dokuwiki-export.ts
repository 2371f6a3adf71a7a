import { citationNote, type DocumentJSON, type MarkJSON, type NodeJSON, textContent } from "./document";
import { safeUrl } from "./url";

/** What a citation without a note of its own is written as: its source. */
export interface ExportedSource {
  title: string;
  url: string | null;
}

export interface DokuWikiExportOptions {
  /** The page's title, written as its top heading (the importer reads it back as the title). */
  title: string;
  /** The page's id: links and files are written so that they resolve from it as they do here. */
  pageId: string;
  /** The sources of citations that have no note, by source id. */
  sources: ReadonlyMap<string, ExportedSource>;
}

/**
 * A document as DokuWiki markup, written so that importing it gives the same document back
 * (parseDokuWiki): text that DokuWiki would read as markup, typography or a smiley is protected
 * with `%%…%%` (or `<nowiki>` when it holds `%`), a citation is a footnote holding its note (or its
 * source and locator), a figure is `{{…}}` with its alignment and width. What DokuWiki cannot say
 * is written as near as it can: marks inside headings and link labels, several paragraphs in one
 * list item, table cell or quote (joined by line breaks).
 */
export function toDokuWiki(doc: DocumentJSON, options: DokuWikiExportOptions): string {
  const writer = new Writer(options);
  const blocks = [`====== ${headingText(options.title)} ======`, ...writer.blocks(doc.content ?? [])];
  return `${blocks.join("\n\n")}\n`;
}

/** Piece of inline output: markup as it is, or text still to be protected once its neighbours are known. */
type Piece = { markup: string } | { text: string };

const MARK_SYNTAX: Record<string, [string, string]> = {
  bold: ["**", "**"],
  italic: ["//", "//"],
  underline: ["__", "__"],
  code: ["''", "''"],
  subscript: ["<sub>", "</sub>"],
  superscript: ["<sup>", "</sup>"],
  strike: ["<del>", "</del>"],
};
/** The order marks nest in, outermost first. Links are innermost: a link's label is plain text. */
const MARK_ORDER = Object.keys(MARK_SYNTAX);

class Writer {
  constructor(private readonly options: DokuWikiExportOptions) {}

  blocks(nodes: NodeJSON[]): string[] {
    return nodes.map((node) => this.block(node)).filter((text) => text.trim() !== "");
  }

  private block(node: NodeJSON): string {
    switch (node.type) {
      case "heading": {
        const level = Math.min(5, Math.max(1, Number(node.attrs?.level) || 2));
        const bar = "=".repeat(7 - level);
        const text = headingText(textContent(node));
        return text ? `${bar} ${text} ${bar}` : "";
      }
      case "paragraph":
        return keepEdgeSpaces(this.inline(node.content ?? []));
      case "horizontalRule":
        return "----";
      case "codeBlock":
        return codeBlock(node);
      case "bulletList":
      case "orderedList":
        return this.list(node, 1).join("\n");
      case "blockquote":
        return this.quote(node, 1).join("\n");
      case "table":
        return this.table(node);
      case "figure":
        return this.figure(node);
      default:
        // A block this writer does not know keeps its text.
        return this.inline([{ type: "text", text: textContent(node) }]);
    }
  }

  /** Blocks that DokuWiki holds on one line (list items, cells): paragraphs joined by line breaks. */
  private oneLine(blocks: NodeJSON[]): string {
    const inline: NodeJSON[] = [];
    for (const block of blocks) {
      if (block.type === "figure") {
        if (inline.length) inline.push({ type: "text", text: " " });
        inline.push(block);
        continue;
      }
      const content = block.type === "paragraph" ? (block.content ?? []) : [{ type: "text", text: textContent(block) }];
      if (!content.length) continue;
      if (inline.length) inline.push({ type: "hardBreak" });
      inline.push(...content);
    }
    return keepEdgeSpaces(this.inline(inline));
  }

  private list(node: NodeJSON, depth: number): string[] {
    const bullet = node.type === "orderedList" ? "-" : "*";
    const lines: string[] = [];
    for (const item of node.content ?? []) {
      const children = item.content ?? [];
      const own = children.filter((child) => child.type !== "bulletList" && child.type !== "orderedList" && child.type !== "codeBlock");
      let line = `${"  ".repeat(depth)}${bullet} ${this.oneLine(own)}`.trimEnd();
      for (const child of children) {
        if (child.type === "codeBlock") {
          line += ` ${codeBlock(child)}`;
        } else if (child.type === "bulletList" || child.type === "orderedList") {
          lines.push(line);
          line = "";
          lines.push(...this.list(child, depth + 1));
        }
      }
      if (line) lines.push(line);
    }
    return lines;
  }

  private quote(node: NodeJSON, depth: number): string[] {
    const prefix = ">".repeat(depth);
    const lines: string[] = [];
    for (const child of node.content ?? []) {
      if (child.type === "blockquote") {
        lines.push(...this.quote(child, depth + 1));
        continue;
      }
      // Each line break is a line of its own; the lines of one depth read back as one paragraph.
      const text =
        child.type === "figure" ? this.figure(child) : this.inline(child.type === "paragraph" ? (child.content ?? []) : [{ type: "text", text: textContent(child) }], "\n");
      for (const line of text.split("\n")) lines.push(`${prefix} ${keepEdgeSpaces(line)}`.trimEnd());
    }
    return lines.length ? lines : [prefix];
  }

  private table(node: NodeJSON): string {
    const rows = node.content ?? [];
    // Per row, the columns a cell above reaches into: they are written as `:::`.
    const spanned: Set<number>[] = rows.map(() => new Set());
    const lines: string[] = [];
    rows.forEach((row, r) => {
      let line = "";
      let column = 0;
      let last = "|";
      const skipSpanned = () => {
        while (spanned[r].has(column)) {
          line += `${last} ::: `;
          column++;
        }
      };
      for (const cell of row.content ?? []) {
        skipSpanned();
        const header = cell.type === "tableHeader";
        const colspan = Math.max(1, Number(cell.attrs?.colspan) || 1);
        const rowspan = Math.max(1, Number(cell.attrs?.rowspan) || 1);
        for (let below = 1; below < rowspan && r + below < rows.length; below++) {
          for (let c = column; c < column + colspan; c++) spanned[r + below].add(c);
        }
        const align = cell.attrs?.align;
        const text = this.oneLine(cell.content ?? []);
        // An empty cell is one space: two would read as centred.
        const [before, after] = align === "center" ? ["  ", "  "] : align === "right" ? ["  ", " "] : align === "left" ? [" ", "  "] : text ? [" ", " "] : [" ", ""];
        last = header ? "^" : "|";
        line += `${last}${before}${text}${after}${last.repeat(colspan - 1)}`;
        column += colspan;
      }
      skipSpanned();
      lines.push(`${line}${last}`);
    });
    return lines.join("\n");
  }

  /** `{{name?width|title}}`; spaces inside the braces place it (before: right, after: left, both: centre). */
  private figure(node: NodeJSON): string {
    const attrs = node.attrs ?? {};
    const name = this.absolute(String(attrs.media ?? ""));
    const align = attrs.align;
    const width = Number(attrs.width) > 0 ? `?${Number(attrs.width)}` : "";
    const caption = node.content ?? [];
    const mark = caption[0]?.marks?.[0];
    const link =
      mark && (mark.type === "wikiLink" || mark.type === "link") && caption.every((part) => part.type === "text" && part.marks?.length === 1 && sameMark(part.marks[0], mark));
    const captionText = textContent(node).replace(/\s+/g, " ").trim();
    const href = link && mark.type === "link" ? String(mark.attrs?.href ?? "") : null;
    // A picture linking to an address with no title of its own: the link's text is the address as written.
    const untitled = href !== null && attrs.alt == null && safeUrl(captionText) === href;
    const title = (untitled ? "" : captionText || (typeof attrs.alt === "string" ? attrs.alt : "")).replace(/[|}]/g, " ");
    const inner = `${align === "right" || align === "center" ? " " : ""}${name}${width}${align === "left" || align === "center" ? " " : ""}`;
    const media = `{{${inner}${title ? `|${title}` : ""}}}`;
    if (link) {
      const target = mark.type === "wikiLink" ? this.pageTarget(mark) : untitled ? captionText : externalTarget(href!);
      if (target !== null) return `[[${target}|${media}]]`;
    }
    // A caption's citations are footnotes after the figure.
    const notes = caption
      .filter((part) => part.type === "citation")
      .map((part) => this.inline([part]))
      .join("");
    return media + notes;
  }

  /** An id written so that it resolves from this page to itself: `:` in front when it would be read as relative. */
  private absolute(id: string): string {
    return !id.includes(":") && this.options.pageId.includes(":") ? `:${id}` : id;
  }

  private pageTarget(mark: MarkJSON): string {
    const target = String(mark.attrs?.target ?? "");
    const fragment = mark.attrs?.fragment ? `#${mark.attrs.fragment}` : "";
    if (fragment && target === this.options.pageId) return fragment;
    return `${this.absolute(target)}${fragment}`;
  }

  /**
   * Inline content; `lineBreak` is what a hard break becomes (a new line in quotes), `around` the
   * markup it is written between (a footnote's brackets).
   */
  inline(nodes: NodeJSON[], lineBreak = "\\\\ ", around: [string, string] = ["", ""]): string {
    const pieces: Piece[] = [];
    const open: MarkJSON[] = [];
    const closeTo = (depth: number) => {
      while (open.length > depth) pieces.push({ markup: MARK_SYNTAX[open.pop()!.type][1] });
    };
    for (const node of nodes) {
      const marks = (node.marks ?? []).filter((mark) => MARK_SYNTAX[mark.type]).sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
      let keep = 0;
      while (keep < open.length && keep < marks.length && open[keep].type === marks[keep].type) keep++;
      closeTo(keep);
      for (const mark of marks.slice(keep)) {
        open.push(mark);
        pieces.push({ markup: MARK_SYNTAX[mark.type][0] });
      }
      pieces.push(...this.inlineNode(node, lineBreak));
    }
    closeTo(0);
    return protect(pieces, around);
  }

  private inlineNode(node: NodeJSON, lineBreak: string): Piece[] {
    if (node.type === "hardBreak") return [{ markup: lineBreak }];
    if (node.type === "citation") return [{ markup: `((${this.citation(node)}))` }];
    if (node.type === "figure") return [{ markup: this.figure(node) }];
    if (node.type !== "text") return [{ text: textContent(node) }];
    const text = (node.text ?? "").replace(/\n/g, " ");
    const link = node.marks?.find((mark) => mark.type === "link" || mark.type === "wikiLink");
    if (!link) return [{ text }];
    // A link's label is read as it is written, trimmed: its spaces go outside it.
    const label = text.trim();
    const lead = text.slice(0, text.length - text.trimStart().length);
    const trail = text.slice(text.trimEnd().length);
    const target = link.type === "wikiLink" ? this.pageTarget(link) : externalTarget(String(link.attrs?.href ?? ""));
    if (target === null || !label) return [{ text }];
    // An external link whose text is its address needs no label; a page link always has one.
    const bare = link.type === "link" && (label === target || `mailto:${label}` === target);
    const written = bare ? `[[${target}]]` : `[[${target}|${label.replace(/\]\]/g, "] ]")}]]`;
    return [...(lead ? [{ text: lead }] : []), { markup: written }, ...(trail ? [{ text: trail }] : [])];
  }

  /** A footnote's text: the note as written, else the source (its link) and the locator. */
  private citation(node: NodeJSON): string {
    const note = citationNote(node);
    if (note) return this.inline(note, undefined, ["((", "))"]);
    const attrs = node.attrs ?? {};
    const source = this.options.sources.get(String(attrs.sourceId ?? ""));
    const parts: Piece[] = [];
    if (source?.url) parts.push({ markup: source.title && source.title !== source.url ? `[[${source.url}|${source.title.replace(/\]\]/g, "] ]")}]]` : `[[${source.url}]]` });
    else parts.push({ text: source?.title ?? "source" });
    if (attrs.locator) parts.push({ text: `, ${attrs.locator}` });
    if (attrs.quote) parts.push({ text: `: “${attrs.quote}”` });
    return protect(parts, ["((", "))"]);
  }
}

function sameMark(a: MarkJSON, b: MarkJSON): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An external address as a link target DokuWiki reads as one (`scheme://…`, or an e-mail address); null otherwise. */
function externalTarget(href: string): string | null {
  if (/^[a-z0-9\-.+]+?:\/\//i.test(href)) return href.replace(/\]\]|\|/g, encodeURIComponent);
  if (href.startsWith("mailto:")) return href;
  return null;
}

/**
 * A line's markup with the spaces at its ends kept: the importer trims a line (and spaces at the
 * start of one would make it preformatted text), but not the inside of `%%…%%`.
 */
function keepEdgeSpaces(line: string): string {
  const protectedSpaces = (spaces: string, beside: string | undefined) => (beside === "%" ? `<nowiki>${spaces}</nowiki>` : `%%${spaces}%%`);
  return line
    .replace(/^[ \t]+(?=\S)/, (spaces) => protectedSpaces(spaces, line[spaces.length]))
    .replace(/(?<=\S)[ \t]+$/, (spaces) => protectedSpaces(spaces, line.at(-spaces.length - 1)));
}

/** A heading's text on one line, without the `=` DokuWiki would take for its bars. */
function headingText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `<code lang>` (or `<file lang name>` when it has a file name) around the code as it is. */
function codeBlock(node: NodeJSON): string {
  const code = textContent(node);
  const language = typeof node.attrs?.language === "string" && node.attrs.language ? node.attrs.language : null;
  const fileName = typeof node.attrs?.fileName === "string" && node.attrs.fileName ? node.attrs.fileName.replace(/\s+/g, "_") : null;
  const tag = fileName || code.includes("</code>") ? "file" : "code";
  const params = fileName ? ` ${language ?? "-"} ${fileName}` : language ? ` ${language}` : "";
  return `<${tag}${params}>\n${code}\n</${tag}>`;
}

// What DokuWiki reads as markup, typography or a smiley wherever it stands in text.
const ALWAYS = /\*\*|\/\/|__|''|%%|\[\[|\]\]|\{\{|\}\}|\(\(|\)\)|\\\\|~~|--|\.\.\.|==|=>|=\)|\(c\)|\(tm\)|\(r\)|8-[)Oo]|[:;]-[()/\\?DPoOxX|]|:[?!]:|[<>"|^]/gu;
// What DokuWiki reads so only at the start of a word: a bare address, `m(`, a product like 2x3.
const WORD_START = /(?:www?|ftp?)\.|m\(|(?:[1-9]|\d{2,})[xX](?=\d)/uy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The inline pieces as DokuWiki markup: each text with what DokuWiki would read as markup in it
 * protected, knowing the markup on either side (a `*` beside `**`, a `:` before `//`, a `(`
 * before `((` would join it).
 */
function protect(pieces: Piece[], [before, after]: [string, string] = ["", ""]): string {
  // Texts side by side are protected as one: `(` and `(` apart are nothing, together a footnote.
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last && "text" in last && "text" in piece) joined[joined.length - 1] = { text: last.text + piece.text };
    else joined.push(piece);
  }
  let out = "";
  joined.forEach((piece, index) => {
    if ("markup" in piece) {
      out += piece.markup;
      return;
    }
    const next = joined[index + 1];
    out += protectText(piece.text, out.at(-1) ?? before.at(-1) ?? "", next ? (next as { markup: string }).markup : after);
  });
  return out;
}

function protectText(text: string, before: string, after: string): string {
  if (!text) return "";
  const marked = new Uint8Array(text.length);
  for (const match of text.matchAll(ALWAYS)) marked.fill(1, match.index, match.index + match[0].length);
  // Beside markup, a character that would join it.
  if (before && text[0] === before) marked[0] = 1;
  const last = text.length - 1;
  if (after && (text[last] === after[0] || (text[last] === ":" && after.startsWith("//")))) marked[last] = 1;
  for (let i = 0; i < text.length; i++) {
    const previous = i > 0 ? text[i - 1] : before;
    const afterWord = (i > 0 ? !marked[i - 1] : true) && WORD_CHAR.test(previous);
    if (afterWord) continue;
    WORD_START.lastIndex = i;
    const match = WORD_START.exec(text);
    if (match) marked.fill(1, i, i + match[0].length);
  }
  if (!marked.some(Boolean)) return text;
  let out = "";
  for (let i = 0; i < text.length;) {
    let end = i;
    while (end < text.length && marked[end] === marked[i]) end++;
    const run = text.slice(i, end);
    if (!marked[i]) out += run;
    else {
      const nearPercent = run.includes("%") || text[i - 1] === "%" || text[end] === "%" || (i === 0 && before === "%") || (end === text.length && after.startsWith("%"));
      // A marked run never holds `</nowiki>`: its `<` and `>` are marked, the letters between are not.
      out += nearPercent ? `<nowiki>${run}</nowiki>` : `%%${run}%%`;
    }
    i = end;
  }
  return out;
}
