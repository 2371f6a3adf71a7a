import GithubSlugger from "github-slugger";
import sanitizeHtml from "sanitize-html";
import { citationAnchor, REFERENCES_ANCHOR, referenceAnchor } from "./anchors";
import type { SourceFieldsForCsl } from "./csl";
import { type MarkJSON, type NodeJSON, textContent } from "./document";
import { pageHref } from "./page-id";
import { SAFE_URL_PROTOCOLS, safeUrl } from "./url";

export { citationAnchor, REFERENCES_ANCHOR, referenceAnchor };

/** What the renderer needs to know of a cited source: a library record's fields. */
export type RenderSource = SourceFieldsForCsl;

export interface RenderContext {
  sources: ReadonlyMap<string, RenderSource>;
  /** Whether a page id names a page that exists (missing links are shown as such). */
  pageExists: (pageId: string) => boolean;
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
 * Renders a stored document as readers see it: sections with anchors and a table of contents,
 * internal links marked when their page is missing, citations numbered one per source in reading
 * order. Text and attributes are escaped as they are written, and the result is sanitised again
 * against an allow-list, so stored content never becomes markup or script.
 */
export function renderArticle(doc: NodeJSON, context: RenderContext): RenderedArticle {
  const renderer = new Renderer(context);
  const html = renderer.nodes(doc.content ?? []);
  return { html: sanitizeArticleHtml(html), toc: renderer.toc(), references: renderer.references() };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attributes(attrs: Record<string, string | number | null | undefined>): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join("");
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
  private slugger = new GithubSlugger();
  private headings: { level: number; id: string; text: string }[] = [];
  private numbers = new Map<string, number>();
  private uses = new Map<number, Reference["uses"]>();
  private cited = new Map<string, RenderSource>();

  constructor(private readonly context: RenderContext) {
    this.slugger.slug(REFERENCES_ANCHOR);
  }

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
        return `<pre><code${attributes({ class: language ? `language-${language}` : null })}>${escapeHtml(textContent(node))}</code></pre>`;
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
    const id = this.slugger.slug(text || "section");
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
    let number = this.numbers.get(sourceId);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(sourceId, number);
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

  private text(text: string, marks: MarkJSON[]): string {
    let html = escapeHtml(text);
    // Marks are stored outermost first; wrap from the innermost out.
    for (const mark of [...marks].reverse()) html = this.mark(mark, html);
    return html;
  }

  private mark(mark: MarkJSON, inner: string): string {
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
      case "code":
        return `<code>${inner}</code>`;
      case "link": {
        const href = safeUrl(String(attrs.href ?? ""));
        if (!href) return inner;
        return `<a${attributes({ href, class: "external", rel: "nofollow noopener noreferrer" })}>${inner}</a>`;
      }
      case "wikiLink": {
        const target = String(attrs.target ?? "");
        if (!target) return inner;
        const href = pageHref(target, (attrs.fragment as string | null) ?? null);
        if (this.context.pageExists(target)) return `<a${attributes({ href, class: "wikilink" })}>${inner}</a>`;
        return (
          `<a${attributes({ href, class: "wikilink missing", title: `${target} (page does not exist)` })}>` +
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
    return [...this.numbers].map(([sourceId, number]) => ({
      number,
      sourceId,
      source: this.cited.get(sourceId) ?? null,
      uses: this.uses.get(number)!,
    }));
  }
}

/** Defence in depth: whatever the renderer wrote, only these tags, attributes and schemes survive. */
function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p", "h1", "h2", "h3", "h4", "h5", "strong", "em", "u", "s", "code", "pre", "a", "ul", "ol", "li",
      "blockquote", "hr", "br", "div", "table", "tbody", "tr", "th", "td", "sup", "span",
    ],
    allowedAttributes: {
      a: ["href", "class", "rel", "title"],
      h1: ["id"], h2: ["id"], h3: ["id"], h4: ["id"], h5: ["id"],
      sup: ["id", "class"],
      span: ["class"],
      div: ["class"],
      code: ["class"],
      ol: ["start"],
      th: ["colspan", "rowspan", "style"],
      td: ["colspan", "rowspan", "style"],
    },
    allowedStyles: { "*": { "text-align": [/^(left|center|right)$/] } },
    allowedSchemes: SAFE_URL_PROTOCOLS.map((p) => p.slice(0, -1)),
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
  });
}
