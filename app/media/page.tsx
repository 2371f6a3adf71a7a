import type { Metadata } from "next";
import { connection } from "next/server";
import { MediaPicture } from "@/components/media/media-picture";
import { MediaUploadForm } from "@/components/media/upload-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mediaServices } from "@/lib/media";
import { mediaHref, versionAddresses } from "@/lib/media/serving";
import { formatFileSize } from "@/lib/media/sizes";
import { MEDIA_KINDS, typeFacts } from "@/lib/media/types";
import { queryObject } from "@/lib/validation/history";
import { MediaListQuerySchema } from "@/lib/validation/media";
import { listMedia, MEDIA_PAGE_SIZE } from "@/lib/wiki/media";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Media" };

const KIND_LABELS = { image: "Images", pdf: "PDF documents", document: "Office documents" } as const;

/** The media library: every file by name, searchable, filtered by kind or to unused files, with a thumbnail of each picture and where it is used. */
export default async function MediaPage({ searchParams }: Props) {
  await connection();
  const { q, type, unused, page, upload } = MediaListQuerySchema.parse(queryObject(await searchParams));
  const [{ entries, more }, account] = await Promise.all([listMedia(db, { q, type, unused, skip: (page - 1) * MEDIA_PAGE_SIZE }), currentAccount()]);
  const link = (n: number) => `/media?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { type } : {}), ...(unused ? { unused: "1" } : {}), page: String(n) })}`;
  return (
    <article className="history" aria-labelledby="media-title">
      <h1 id="media-title">Media</h1>
      <p>Pictures and documents the articles show, each kept with every version uploaded.</p>
      {upload && (
        <p className="notice" role="status">
          There is no file called {upload} yet{can(account, "edit") ? ": upload it below." : "; an editor can upload it."}
        </p>
      )}
      {can(account, "edit") && (
        <details className="page-tool" open={!!upload}>
          <summary>Upload a file</summary>
          <MediaUploadForm suggestedName={upload} maxMegabytes={Math.round(mediaServices().limits.maxBytes / 1024 / 1024)} />
        </details>
      )}
      <form method="get" action="/media" className="form filter-form" aria-label="Search the media">
        <label>
          Name or description
          <input name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
        </label>
        <label>
          Type
          <select name="type" defaultValue={type ?? ""}>
            <option value="">All</option>
            {MEDIA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="unused" value="1" defaultChecked={unused} /> Only files no page shows
        </label>
        <button type="submit">Search</button>
      </form>
      {entries.length === 0 ? (
        <p>{unused ? "Every file matching is shown on a page." : "No file matches."}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table media-table">
            <caption className="visually-hidden">Files, by name</caption>
            <thead>
              <tr>
                <th scope="col">Preview</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">Version</th>
                {!unused && <th scope="col">Used on</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map(({ name, alt, description, current, usedOn }) => {
                const { picture } = versionAddresses(current, name);
                return (
                  <tr key={name}>
                    <td className="media-thumbnail">
                      {picture && current.width && current.height ? (
                        <MediaPicture
                          picture={{ avif: picture.avif.slice(0, 2), webp: picture.webp.slice(0, 2), fallback: picture.fallback.slice(0, 2) }}
                          width={current.width}
                          height={current.height}
                          alt={alt}
                          sizes="80px"
                        />
                      ) : (
                        "—"
                      )}
                    </td>
                    <th scope="row">
                      <a href={mediaHref(name)}>{name}</a>
                      {description && <span className="muted"> · {description.slice(0, 120)}</span>}
                    </th>
                    <td>
                      {typeFacts(current.type).label}
                      {current.width && current.height ? `, ${current.width} × ${current.height}` : ""}
                    </td>
                    <td>{formatFileSize(current.size)}</td>
                    <td>{current.number}</td>
                    {!unused && <td>{usedOn ? <a href={`${mediaHref(name)}#media-usage`}>{usedOn === 1 ? "1 page" : `${usedOn} pages`}</a> : "no page"}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="More files">
        {page > 1 && <a href={link(page - 1)}>← Previous</a>}
        {more && <a href={link(page + 1)}>Next →</a>}
      </nav>
    </article>
  );
}
