/**
 * One source as a bibliography entry in the site's citation style. The HTML comes from
 * lib/content/citation-format, which lets through only inline formatting and safe links.
 */
export function SourceCitation({ html, title }: { html: string | undefined; title: string }) {
  if (!html) return <cite className="source">{title}</cite>;
  return <cite className="source" dangerouslySetInnerHTML={{ __html: html }} />;
}
