import type { RenderSource } from "@/lib/content/render";
import { safeUrl } from "@/lib/content/url";
import { formatAuthorList } from "@/lib/validation/source";

/** One source, formatted for the References list: authors, title (linked), where, when. */
export function SourceCitation({ source }: { source: RenderSource }) {
  const href = source.url ? safeUrl(source.url) : null;
  const authors = formatAuthorList(source.authors);
  const where = [source.containerTitle, source.publisher].filter(Boolean).join(". ");
  return (
    <cite className="source">
      {authors && <span className="source-authors">{authors}. </span>}
      {href ? (
        <a className="external" href={href} rel="nofollow noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <span className="source-title">{source.title}</span>
      )}
      {where && <span>. {where}</span>}
      {source.issued && <span> ({source.issued})</span>}
      {source.accessed && <span>. Retrieved {source.accessed}</span>}
      {"."}
    </cite>
  );
}
