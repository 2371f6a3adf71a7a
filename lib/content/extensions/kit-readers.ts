// How readers see the nodes and marks of Tiptap's starter kit and table kit, which the editor takes
// as they come (index.ts); the wiki's own nodes and marks say it in their own files.
import { textContent } from "../document";
import { attributes, escapeHtml } from "../html";
import { safeUrl } from "../url";
import type { MarkReader, NodeReader } from "./reading";

/** A node shown as one tag around its content. */
const wrap =
  (tag: string): NodeReader =>
  (node, reading) =>
    `<${tag}>${reading.children(node)}</${tag}>`;

/** A table cell, with its spans and alignment (checked: stored JSON is trusted no further). */
const cell =
  (tag: "th" | "td"): NodeReader =>
  (node, reading) => {
    const attrs = node.attrs ?? {};
    const span = (value: unknown) => (Number(value) > 1 ? Number(value) : null);
    const align = ["left", "center", "right"].includes(String(attrs.align)) ? `text-align: ${attrs.align}` : null;
    return `<${tag}${attributes({ colspan: span(attrs.colspan), rowspan: span(attrs.rowspan), style: align })}>${reading.children(node)}</${tag}>`;
  };

export const KIT_NODE_READERS: Record<string, NodeReader> = {
  paragraph: wrap("p"),
  blockquote: wrap("blockquote"),
  bulletList: wrap("ul"),
  listItem: wrap("li"),
  tableRow: wrap("tr"),
  hardBreak: () => "<br>",
  horizontalRule: () => "<hr>",
  // Sections: each heading gets its anchor (DokuWiki's section id) and its entry in the contents.
  heading: (node, reading) => {
    const level = Math.min(5, Math.max(1, Number(node.attrs?.level ?? 2)));
    const id = reading.heading(level, textContent(node).trim());
    return `<h${level}${attributes({ id })}>${reading.children(node)}</h${level}>`;
  },
  // With the file name CodeFileName adds to the kit's code block, shown above it.
  codeBlock: (node) => {
    const attrs = node.attrs ?? {};
    const language = typeof attrs.language === "string" ? attrs.language.replace(/[^\w+#-]/g, "") : "";
    const pre = `<pre><code${attributes({ class: language ? `language-${language}` : null })}>${escapeHtml(textContent(node))}</code></pre>`;
    return typeof attrs.fileName === "string" && attrs.fileName ? `<div class="code-file-name">${escapeHtml(attrs.fileName)}</div>${pre}` : pre;
  },
  orderedList: (node, reading) => {
    const start = Number(node.attrs?.start ?? 1);
    return `<ol${attributes({ start: Number.isInteger(start) && start !== 1 ? start : null })}>${reading.children(node)}</ol>`;
  },
  // A wide table scrolls within the column rather than widening the page.
  table: (node, reading) => `<div class="table-scroll"><table><tbody>${reading.children(node)}</tbody></table></div>`,
  tableHeader: cell("th"),
  tableCell: cell("td"),
};

const tag =
  (name: string): MarkReader =>
  (_mark, inner) =>
    `<${name}>${inner}</${name}>`;

export const KIT_MARK_READERS: Record<string, MarkReader> = {
  bold: tag("strong"),
  italic: tag("em"),
  underline: tag("u"),
  strike: tag("s"),
  code: tag("code"),
  // An external link, when its address is one readers may follow; its words alone otherwise.
  link: (mark, inner) => {
    const href = safeUrl(String(mark.attrs?.href ?? ""));
    if (!href) return inner;
    // A link whose words are its address says so, so a printed page does not print it twice.
    const shown = inner.replace(/<[^>]*>/g, "");
    const addressShown = [href, href.replace(/^mailto:/, ""), href.replace(/\/$/, "")].some((address) => escapeHtml(address) === shown);
    return `<a${attributes({ href, class: addressShown ? "external address-shown" : "external", rel: "nofollow noopener noreferrer" })}>${inner}</a>`;
  },
};
