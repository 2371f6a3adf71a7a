import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { formatTime } from "@/components/history/revision-line";
import { SourceCitation } from "@/components/reader/source-citation";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { pageHref } from "@/lib/content/page-id";
import { LEAD_SECTION } from "@/lib/content/cited-sections";
import { db } from "@/lib/db";
import { formatAuthorList, sourceTypeName } from "@/lib/validation/source";
import { AppError } from "@/lib/wiki/errors";
import { getSourceDetail } from "@/lib/wiki/library";
import { getSourceVersions } from "@/lib/wiki/source-records";
import { SOURCE_FIELD_NAMES, SOURCE_FIELDS, type SourceFieldName } from "@/lib/content/source-fields";
import { formatSources, getCitationStyle } from "@/lib/wiki/citation-style";
import { parseAuthors } from "@/lib/wiki/sources";
import { CITATION_STYLES } from "@/lib/content/citation-styles";
import { mergeSourceAction } from "./actions";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }> };

// A draft source is found for its author alone.
const load = cache(async (id: string) => {
  try {
    return await getSourceDetail(db, id, (await currentAccount())?.id ?? null);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(routeParam((await params).id));
  return { title: detail?.source.title ?? "No such source" };
}

const sectionsText = (sections: { section: string; uses: number }[]) =>
  sections.map((s) => `${s.section === LEAD_SECTION ? "the lead" : `“${s.section}”`}${s.uses > 1 ? ` (${s.uses} times)` : ""}`).join(", ");

/** One source: its record, and every article and section that cites it. */
export default async function SourcePage({ params }: Props) {
  await connection();
  const detail = await load(routeParam((await params).id));
  if (!detail) notFound();
  const { source, citedIn } = detail;
  const [account, versions, style] = await Promise.all([currentAccount(), getSourceVersions(db, source.id), getCitationStyle(db)]);
  const versionRecords = versions.map((v) => ({ ...v.data, id: `${source.id}@${v.number}`, authors: parseAuthors(v.data.authors) }));
  const [asVersions, ...inStyles] = await Promise.all([formatSources(db, versionRecords, style), ...CITATION_STYLES.map((s) => formatSources(db, [source], s.id))]);
  const inSiteStyle = inStyles[CITATION_STYLES.findIndex((s) => s.id === style)].get(source.id);
  const editor = can(account, "edit") && !source.mergedIntoId;
  const shown = (name: SourceFieldName) => (name === "type" ? sourceTypeName(source.type) : name === "authors" ? formatAuthorList(source.authors) : source[name]);
  const fields = SOURCE_FIELD_NAMES.map((name) => [SOURCE_FIELDS[name].label, shown(name) || null] as const);
  return (
    <article className="prose" aria-labelledby="source-title">
      <h1 id="source-title">{source.title}</h1>
      {source.mergedIntoId && (
        <p className="notice" role="status">
          This record was merged into <a href={`/sources/${source.mergedIntoId}`}>another source</a>; citations of it show that one.
        </p>
      )}
      {editor && (
        <p>
          <a href={`/sources/${source.id}/edit`}>Edit this source</a>
        </p>
      )}
      <p className="source-formatted">
        <SourceCitation html={inSiteStyle} title={source.title} />
      </p>
      <details className="source-styles">
        <summary>In every citation style</summary>
        <dl>
          {CITATION_STYLES.map((s, i) => (
            <div key={s.id}>
              <dt>
                {s.label}
                {s.id === style && " (this site's style)"}
              </dt>
              <dd>
                <SourceCitation html={inStyles[i].get(source.id)} title={source.title} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
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
      {versions.length > 0 && (
        <section aria-labelledby="source-versions">
          <h2 id="source-versions">Versions</h2>
          <ol reversed className="change-list">
            {versions.map((v) => (
              <li key={v.number}>
                <time dateTime={v.createdAt.toISOString()}>{formatTime(v.createdAt)}</time> · version {v.number}
                {v.editor && ` by ${v.editor}`}
                {v.summary && <span className="summary"> — {v.summary}</span>}
                <details>
                  <summary>As it read then</summary>
                  <SourceCitation html={asVersions.get(`${source.id}@${v.number}`)} title={v.data.title} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
      {editor && (
        <section aria-labelledby="merge-source">
          <h2 id="merge-source">Merge a duplicate</h2>
          <p>If this source repeats another, merge it into that one: every citation follows, and this record points there.</p>
          <ActionForm action={mergeSourceAction} fields={{ id: source.id }} label="Merge into that source">
            <label>
              The address of the source to keep (/sources/…)
              <input name="into" required maxLength={300} />
            </label>
          </ActionForm>
        </section>
      )}
      <p>
        <Link href="/sources">All sources</Link>
      </p>
    </article>
  );
}
