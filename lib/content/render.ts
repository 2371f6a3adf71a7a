import sanitizeHtml from "sanitize-html";
import { citationAnchor, REFERENCES_ANCHOR, referenceAnchor, sectionAnchors } from "./anchors";
import type { SourceFieldsForCsl } from "./csl";
import { type MarkJSON, type NodeJSON, textContent } from "./document";
import { attributes, escapeHtml } from "./html";
import { citationNumberKey, figureLayout } from "./extensions";
import { pageHref, titleFromPageId } from "./page-id";
import { SAFE_URL_PROTOCOLS, safeUrl } from "./url";

export { citationAnchor, REFERENCES_ANCHOR, referenceAnchor };

/** What the renderer needs to know of a cited source: a library record's fields. */
export type RenderSource = SourceFieldsForCsl;

/** What the renderer needs to know of a file a figure shows: the version the page shows, and its addresses. */
export interface RenderMedia {
  /** The file's page in the media library. */
  href: string;
  /** The version's bytes. */
  url: string;
  /** The file's own alt text, for figures that give none. */
  alt: string;
  width: number | null;
  height: number | null;
  /** Thumbnails in WebP and the original's format, for pictures; null for files shown as a link. */
  picture: { avif: { width: number; url: string }[]; webp: { width: number; url: string }[]; fallback: { width: number; url: string }[] } | null;
  /** What the file is, for a link to it: "PDF document, 2.1 MB". */
  label: string;
}

export interface RenderContext {
  sources: ReadonlyMap<string, RenderSource>;
  /** Whether a page id names a page that exists (missing links are shown as such). */
  pageExists: (pageId: string) => boolean;
  /** The files figures show, by media name; a name not here is shown as a missing file. */
  media?: ReadonlyMap<string, RenderMedia>;
}

export interface TocEntry {
  id: string;
  text: string;
  /** "1", "1.2", … as in the section numbering readers see. */
  number: string;
  children: TocEntry[];
}

export interface Reference {
  number: number;
  /** The source, or null when the citation points at a source that no longer exists. */
  source: RenderSource | null;
  sourceId: string;
  /** Anchors of each marker citing this source, in reading order. */
  uses: { anchor: string; locator: string | null; quote: string | null }[];
  /** The citations' note as written (safe HTML), when they have one; shown in place of the bare source. */
  note: string | null;
  /** The source as a bibliography entry in the site's citation style (safe HTML), once formatted. */
  formatted?: string;
}

export interface RenderedArticle {
  /** Sanitised HTML of the article body. */
  html: string;
  toc: TocEntry[];
  references: Reference[];
}

/**
 * Renders a stored document as readers see it: sections with anchors (DokuWiki's section ids, so
 * links written for a DokuWiki keep working) and a table of contents,
 * internal links marked when their page is missing, citations numbered one per source in reading
 * order. Text and attributes are escaped as they are written, and the result is sanitised again
 * against an allow-list, so stored content never becomes markup or script.
 */
export function renderArticle(doc: NodeJSON, context: RenderContext): RenderedArticle {
  const renderer = new Renderer(context);
  const html = renderer.nodes(doc.content ?? []);
  return { html: sanitizeArticleHtml(html), toc: renderer.toc(), references: renderer.references().map((r) => ({ ...r, note: r.note && sanitizeArticleHtml(r.note) })) };
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  tableRow: "tr",
};

class Renderer {
  private sectionAnchor = sectionAnchors();
  private headings: { level: number; id: string; text: string }[] = [];
  private numbers = new Map<string, number>();
  private entries = new Map<number, { sourceId: string; note: string | null }>();
  private uses = new Map<number, Reference["uses"]>();
  private cited = new Map<string, RenderSource>();

  constructor(private readonly context: RenderContext) {}

  nodes(nodes: NodeJSON[]): string {
    return nodes.map((node) => this.node(node)).join("");
  }

  private node(node: NodeJSON): string {
    const attrs = node.attrs ?? {};
    switch (node.type) {
      case "text":
        return this.text(node.text ?? "", node.marks ?? []);
      case "hardBreak":
        return "<br>";
      case "horizontalRule":
        return "<hr>";
      case "heading":
        return this.heading(node);
      case "codeBlock": {
        const language = typeof attrs.language === "string" ? attrs.language.replace(/[^\w+#-]/g, "") : "";
        const pre = `<pre><code${attributes({ class: language ? `language-${language}` : null })}>${escapeHtml(textContent(node))}</code></pre>`;
        return typeof attrs.fileName === "string" && attrs.fileName ? `<div class="code-file-name">${escapeHtml(attrs.fileName)}</div>${pre}` : pre;
      }
      case "orderedList": {
        const start = Number(attrs.start ?? 1);
        return `<ol${attributes({ start: Number.isInteger(start) && start !== 1 ? start : null })}>${this.nodes(node.content ?? [])}</ol>`;
      }
      case "table":
        return `<div class="table-scroll"><table><tbody>${this.nodes(node.content ?? [])}</tbody></table></div>`;
      case "tableHeader":
      case "tableCell":
        return this.cell(node);
      case "citation":
        return this.citation(node);
      case "figure":
        return this.figure(node);
      default: {
        const tag = BLOCK_TAGS[node.type];
        // Validation refuses unknown nodes; should one get here, its text is kept and its type ignored.
        return tag ? `<${tag}>${this.nodes(node.content ?? [])}</${tag}>` : escapeHtml(textContent(node));
      }
    }
  }

  private heading(node: NodeJSON): string {
    const level = Math.min(5, Math.max(1, Number(node.attrs?.level ?? 2)));
    const text = textContent(node).trim();
    const id = this.sectionAnchor(text);
    this.headings.push({ level, id, text });
    return `<h${level}${attributes({ id })}>${this.nodes(node.content ?? [])}</h${level}>`;
  }

  private cell(node: NodeJSON): string {
    const attrs = node.attrs ?? {};
    const span = (value: unknown) => (Number(value) > 1 ? Number(value) : null);
    const align = ["left", "center", "right"].includes(String(attrs.align)) ? `text-align: ${attrs.align}` : null;
    const tag = node.type === "tableHeader" ? "th" : "td";
    return `<${tag}${attributes({ colspan: span(attrs.colspan), rowspan: span(attrs.rowspan), style: align })}>${this.nodes(node.content ?? [])}</${tag}>`;
  }

  private citation(node: NodeJSON): string {
    const cited = String(node.attrs?.sourceId ?? "");
    const source = this.context.sources.get(cited);
    // A record merged into another is cited as that one: one number, one References entry.
    const sourceId = source?.id ?? cited;
    const note = Array.isArray(node.attrs?.note) && node.attrs.note.length ? (node.attrs.note as NodeJSON[]) : null;
    const key = citationNumberKey(sourceId, note);
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(key, number);
      this.entries.set(number, { sourceId, note: note && this.note(note) });
      this.uses.set(number, []);
      if (source) this.cited.set(sourceId, source);
    }
    const uses = this.uses.get(number)!;
    const anchor = citationAnchor(number, uses.length);
    uses.push({
      anchor,
      locator: (node.attrs?.locator as string | null) ?? null,
      quote: (node.attrs?.quote as string | null) ?? null,
    });
    return (
      `<sup class="citation"${attributes({ id: anchor })}>` +
      `<a${attributes({ href: `#${referenceAnchor(number)}`, title: source?.title ?? "Source missing" })}>` +
      `<span class="visually-hidden">Reference </span>[${number}]</a></sup>`
    );
  }

  /**
   * A figure: the picture from its thumbnails (AVIF, else the original's format) with its width and
   * height set so the page does not move as it loads, loaded lazily, linking to its page in the
   * library; a file that is no picture as a link; a name with no file as a missing file offering
   * the upload, as a missing page link offers to write it.
   */
  private figure(node: NodeJSON): string {
    const attrs = node.attrs ?? {};
    const name = String(attrs.media ?? "");
    const { align, width } = figureLayout(attrs);
    const media = this.context.media?.get(name);
    const caption = this.nodes(node.content ?? []);
    const classes = ["figure", align ? `figure-${align}` : null, media ? null : "figure-missing"].filter(Boolean).join(" ");
    const figcaption = caption ? `<figcaption>${caption}</figcaption>` : "";
    if (!media) {
      const href = `/media?${new URLSearchParams({ upload: name })}`;
      return `<figure${attributes({ class: classes })}><a${attributes({ href, class: "media-missing", title: `${name} (file does not exist)` })}>${escapeHtml(name || "A file")}<span class="visually-hidden"> (file does not exist)</span></a>${figcaption}</figure>`;
    }
    if (!media.picture || !media.width || !media.height) {
      return `<figure${attributes({ class: classes })}><a${attributes({ href: media.url, class: "media-file" })}>${escapeHtml(name)}</a> <span class="media-label">(${escapeHtml(media.label)})</span>${figcaption}</figure>`;
    }
    const shown = Math.min(width ?? media.width, media.width);
    const height = Math.max(1, Math.round((media.height * shown) / media.width));
    // A figure is shown at one width (narrower only on a narrower screen): the size for it and the
    // size for dense screens are all a browser needs, named by density.
    type Sized = { width: number; url: string };
    const atLeast = (list: Sized[], wanted: number) => list.find((s) => s.width >= wanted) ?? list.at(-1)!;
    const srcset = (list: Sized[]) => {
      const [one, two] = [atLeast(list, shown), atLeast(list, 2 * shown)];
      return one === two ? one.url : `${one.url}, ${two.url} 2x`;
    };
    const largest = atLeast(media.picture.fallback, 2 * shown);
    const alt = typeof attrs.alt === "string" ? attrs.alt : media.alt;
    return (
      `<figure${attributes({ class: classes })}><a${attributes({ href: media.href, class: "media-link" })}><picture>` +
      `<source${attributes({ type: "image/avif", srcset: srcset(media.picture.avif) })}>` +
      // A browser without AVIF (few are left) gets one size in the original's format, sharp on dense
      // screens: every other source would weigh on every reading of the page, for everyone.
      `<img${attributes({ src: largest.url, width: shown, height, loading: "lazy" })} alt="${escapeHtml(alt)}">` +
      `</picture></a>${figcaption}</figure>`
    );
  }

  /** A citation's note: its text and line breaks with their marks; anything else in it is ignored. */
  private note(nodes: NodeJSON[]): string {
    return nodes.map((node) => (node.type === "text" ? this.text(String(node.text ?? ""), node.marks ?? []) : node.type === "hardBreak" ? "<br>" : "")).join("");
  }

  private text(text: string, marks: MarkJSON[]): string {
    let html = escapeHtml(text);
    // Marks are stored outermost first; wrap from the innermost out.
    for (const mark of [...marks].reverse()) html = this.mark(mark, html, text);
    return html;
  }

  /** A mark around `inner`, the HTML of `text`. */
  private mark(mark: MarkJSON, inner: string, text = ""): string {
    const attrs = mark.attrs ?? {};
    switch (mark.type) {
      case "bold":
        return `<strong>${inner}</strong>`;
      case "italic":
        return `<em>${inner}</em>`;
      case "underline":
        return `<u>${inner}</u>`;
      case "strike":
        return `<s>${inner}</s>`;
      case "subscript":
        return `<sub>${inner}</sub>`;
      case "superscript":
        return `<sup>${inner}</sup>`;
      case "code":
        return `<code>${inner}</code>`;
      case "link": {
        const href = safeUrl(String(attrs.href ?? ""));
        if (!href) return inner;
        // A link whose words are its address says so, so a printed page does not print it twice.
        const shown = inner.replace(/<[^>]*>/g, "");
        const addressShown = [href, href.replace(/^mailto:/, ""), href.replace(/\/$/, "")].some((address) => escapeHtml(address) === shown);
        return `<a${attributes({ href, class: addressShown ? "external address-shown" : "external", rel: "nofollow noopener noreferrer" })}>${inner}</a>`;
      }
      case "wikiLink": {
        const target = String(attrs.target ?? "");
        if (!target) return inner;
        const href = pageHref(target, (attrs.fragment as string | null) ?? null);
        if (this.context.pageExists(target)) return `<a${attributes({ href, class: "wikilink" })}>${inner}</a>`;
        // A link to a page not written yet offers its label as the new page's title, unless the label
        // is only the id (as a link written without one shows) or the title the id gives anyway.
        const label = text.trim();
        const saysMore = label && ![target, target.split(":").pop(), titleFromPageId(target)].includes(label);
        const missingHref = saysMore ? `${pageHref(target)}?${new URLSearchParams({ title: label })}` : href;
        return (
          `<a${attributes({ href: missingHref, class: "wikilink missing", title: `${target} (page does not exist)` })}>` +
          `${inner}<span class="visually-hidden"> (page does not exist)</span></a>`
        );
      }
      default:
        return inner;
    }
  }

  toc(): TocEntry[] {
    const root: TocEntry[] = [];
    const stack: { level: number; entry: TocEntry }[] = [];
    for (const { level, id, text } of this.headings) {
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      const siblings = stack.length ? stack.at(-1)!.entry.children : root;
      const prefix = stack.length ? `${stack.at(-1)!.entry.number}.` : "";
      const entry: TocEntry = { id, text, number: `${prefix}${siblings.length + 1}`, children: [] };
      siblings.push(entry);
      stack.push({ level, entry });
    }
    if (this.numbers.size) root.push({ id: REFERENCES_ANCHOR, text: "References", number: String(root.length + 1), children: [] });
    return root;
  }

  references(): Reference[] {
    return [...this.numbers.values()].map((number) => {
      const { sourceId, note } = this.entries.get(number)!;
      return { number, sourceId, source: this.cited.get(sourceId) ?? null, uses: this.uses.get(number)!, note };
    });
  }
}

/** Defence in depth: whatever the renderer wrote, only these tags, attributes and schemes survive. */
function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "strong",
      "em",
      "u",
      "s",
      "code",
      "pre",
      "a",
      "ul",
      "ol",
      "li",
      "blockquote",
      "hr",
      "br",
      "div",
      "table",
      "tbody",
      "tr",
      "th",
      "td",
      "sup",
      "sub",
      "span",
      "figure",
      "figcaption",
      "picture",
      "source",
      "img",
    ],
    allowedAttributes: {
      a: ["href", "class", "rel", "title"],
      h1: ["id"],
      h2: ["id"],
      h3: ["id"],
      h4: ["id"],
      h5: ["id"],
      sup: ["id", "class"],
      span: ["class"],
      div: ["class"],
      code: ["class"],
      ol: ["start"],
      figure: ["class"],
      source: ["type", "srcset", "sizes"],
      img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"],
      th: ["colspan", "rowspan", "style"],
      td: ["colspan", "rowspan", "style"],
    },
    allowedStyles: { "*": { "text-align": [/^(left|center|right)$/] } },
    allowedSchemes: SAFE_URL_PROTOCOLS.map((p) => p.slice(0, -1)),
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
  });
}
