import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { SourceCitation } from "@/components/reader/source-citation";
import { pageHref } from "@/lib/content/page-id";
import { LEAD_SECTION } from "@/lib/content/cited-sections";
import { db } from "@/lib/db";
import { AppError } from "@/lib/wiki/errors";
import { getSourceDetail } from "@/lib/wiki/library";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  try {
    return await getSourceDetail(db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(decodeURIComponent((await params).id));
  return { title: detail?.source.title ?? "No such source" };
}

const sectionsText = (sections: { section: string; uses: number }[]) =>
  sections.map((s) => `${s.section === LEAD_SECTION ? "the lead" : `“${s.section}”`}${s.uses > 1 ? ` (${s.uses} times)` : ""}`).join(", ");

/** One source: its record, and every article and section that cites it. */
export default async function SourcePage({ params }: Props) {
  await connection();
  const detail = await load(decodeURIComponent((await params).id));
  if (!detail) notFound();
  const { source, citedIn } = detail;
  const fields: [string, string | null][] = [
    ["Type", source.type],
    ["Title", source.title],
    ["Authors", source.authors.map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(", ")).join("; ") || null],
    ["Container", source.containerTitle],
    ["Publisher", source.publisher],
    ["Issued", source.issued],
    ["Address", source.url],
    ["DOI", source.doi],
    ["ISBN", source.isbn],
    ["Accessed", source.accessed],
    ["Archived copy", source.archiveUrl],
    ["Note", source.note],
  ];
  return (
    <article className="prose" aria-labelledby="source-title">
      <h1 id="source-title">{source.title}</h1>
      <p className="source-formatted">
        <SourceCitation source={source} />
      </p>
      <dl className="source-fields">
        {fields
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <section aria-labelledby="cited-in">
        <h2 id="cited-in">Where it is cited</h2>
        {citedIn.length === 0 ? (
          <p>No article cites this source.</p>
        ) : (
          <ul>
            {citedIn.map((page) => (
              <li key={page.pageId}>
                <a href={pageHref(page.pageId)}>{page.title}</a>
                {page.published ? `: in ${sectionsText(page.published.sections)}` : ": not in the version readers see"}
                {page.latest && (
                  <>
                    {"; in the latest revision ("}
                    <a href={`${pageHref(page.pageId)}?rev=${page.latest.number}`}>{page.latest.number}</a>
                    {`), in ${sectionsText(page.latest.sections)}`}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href="/sources">All sources</a>
      </p>
    </article>
  );
}
