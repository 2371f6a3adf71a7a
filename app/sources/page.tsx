import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/validation/history";
import { LibraryQuerySchema, sourceTypeName } from "@/lib/validation/source";
import { LIBRARY_PAGE_SIZE, listSources, listSourceTypes } from "@/lib/wiki/library";
import { importSourcesAction } from "./actions";
import { downloadLinksHtml } from "@/lib/content/reference-list";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Sources" };

/** The shared source library: every source, searchable, with how often articles cite it. */
export default async function SourcesPage({ searchParams }: Props) {
  await connection();
  const { q, type, page } = LibraryQuerySchema.parse(queryObject(await searchParams));
  const [{ entries, more }, types, account] = await Promise.all([listSources(db, { q, type, skip: (page - 1) * LIBRARY_PAGE_SIZE }), listSourceTypes(db), currentAccount()]);
  const link = (n: number) => `/sources?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { type } : {}), page: String(n) })}`;
  return (
    <article className="history" aria-labelledby="sources-title">
      <h1 id="sources-title">Sources</h1>
      <p>Every source the articles cite, kept once and shared by all of them.</p>
      <div dangerouslySetInnerHTML={{ __html: downloadLinksHtml("/api/sources/export", "the whole library") }} />
      {can(account, "edit") && (
        <details className="page-tool">
          <summary>Import BibTeX, RIS or CSL-JSON</summary>
          <ActionForm action={importSourcesAction} fields={{}} label="Import" done="Added {added}; {existing} already in the library.">
            <label>
              Format
              <select name="format" defaultValue="bibtex">
                <option value="bibtex">BibTeX</option>
                <option value="ris">RIS</option>
                <option value="csl-json">CSL-JSON</option>
              </select>
            </label>
            <label>
              A file
              <input type="file" name="file" accept=".bib,.ris,.json,.txt" />
            </label>
            <label>
              Or paste the entries
              <textarea name="text" rows={6} />
            </label>
          </ActionForm>
        </details>
      )}
      <form method="get" action="/sources" className="form filter-form" aria-label="Search the sources">
        <label>
          Title, address or DOI
          <input name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
        </label>
        <label>
          Type
          <select name="type" defaultValue={type ?? ""}>
            <option value="">All</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {entries.length === 0 ? (
        <p>No source matches.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Sources, by title</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Published</th>
                <th scope="col">Cited</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={`/sources/${s.id}`}>{s.title}</a>
                    {s.publisher && <span className="muted"> · {s.publisher}</span>}
                  </th>
                  <td>{sourceTypeName(s.type)}</td>
                  <td>{s.issued ?? "—"}</td>
                  <td>{s.uses === 0 ? "not cited" : `${s.uses} ${s.uses === 1 ? "time" : "times"}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="More sources">
        {page > 1 && <a href={link(page - 1)}>← Previous</a>}
        {more && <a href={link(page + 1)}>Next →</a>}
      </nav>
    </article>
  );
}
