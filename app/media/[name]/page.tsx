import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { formatTime } from "@/components/history/revision-line";
import { MediaPicture } from "@/components/media/media-picture";
import { MediaUploadForm } from "@/components/media/upload-form";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { pageHref } from "@/lib/content/page-id";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mediaServices } from "@/lib/media";
import { versionAddresses } from "@/lib/media/serving";
import { formatFileSize } from "@/lib/media/sizes";
import { typeFacts } from "@/lib/media/types";
import { AppError } from "@/lib/wiki/errors";
import { getMediaDetail, getMediaUsage } from "@/lib/wiki/media";
import { revertMediaAction } from "./actions";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ name: string }> };

const load = cache(async (name: string) => {
  try {
    return await getMediaDetail(db, name);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(routeParam((await params).name));
  return { title: detail ? `File: ${detail.name}` : "No such file" };
}

/** One file: the current version shown or offered for download, what describes it, and every version. */
export default async function MediaFilePage({ params }: Props) {
  await connection();
  const detail = await load(routeParam((await params).name));
  if (!detail) notFound();
  const [account, usage] = await Promise.all([currentAccount(), getMediaUsage(db, detail.name)]);
  const editor = can(account, "edit");
  const { current } = detail;
  const { url, picture } = versionAddresses(current, detail.name);
  const facts = typeFacts(current.type);
  const fields: [string, string][] = [
    ["Description", detail.description],
    ["Alt text", detail.alt],
    ["Credit", detail.credit],
    ["Licence", detail.licence],
    ["Type", `${facts.label}${current.width && current.height ? `, ${current.width} × ${current.height} pixels` : ""}, ${formatFileSize(current.size)}`],
  ];
  return (
    <article className="prose" aria-labelledby="media-file-title">
      <h1 id="media-file-title">{detail.name}</h1>
      <figure className="media-preview">
        {picture && current.width && current.height ? (
          <a href={url}>
            <MediaPicture picture={picture} width={current.width} height={current.height} alt={detail.alt} sizes="(max-width: 48rem) 100vw, 48rem" />
          </a>
        ) : null}
        <figcaption>
          <a href={url} download>
            Download {facts.raster ? "the original" : `the ${facts.label}`}
          </a>
          {current.type === "image/svg+xml" && " (drawings are only downloaded, never opened on this site)"}
        </figcaption>
      </figure>
      <dl className="source-fields">
        {fields
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <section aria-labelledby="media-usage">
        <h2 id="media-usage">Where it is used</h2>
        {usage.length === 0 ? (
          <p>No page shows this file to readers.</p>
        ) : (
          <ul>
            {usage.map((use) => (
              <li key={use.pageId}>
                <a href={pageHref(use.pageId)}>{use.title}</a>
                {use.sections.some((section) => section.anchor) && (
                  <>
                    {" "}
                    — in{" "}
                    {use.sections.map((section, i) => (
                      <span key={section.anchor}>
                        {i > 0 && ", "}
                        {section.anchor ? <a href={pageHref(use.pageId, section.anchor)}>{section.heading}</a> : "the introduction"}
                      </span>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="media-versions">
        <h2 id="media-versions">Versions</h2>
        <ol reversed className="change-list">
          {detail.versions.map((v) => (
            <li key={v.number}>
              <time dateTime={v.createdAt.toISOString()}>{formatTime(v.createdAt)}</time> · <a href={versionAddresses(v, detail.name).url}>version {v.number}</a>
              {v.uploader && ` by ${v.uploader}`} · {formatFileSize(v.size)}
              {v.width && v.height ? `, ${v.width} × ${v.height}` : ""}
              {v.number === current.number && " (current)"}
              {v.summary && <span className="summary"> — {v.summary}</span>}
              {editor && v.hash !== current.hash && (
                <details>
                  <summary>Revert to this version</summary>
                  <ActionForm action={revertMediaAction} fields={{ name: detail.name, number: v.number }} label={`Revert to version ${v.number}`}>
                    <label>
                      Summary
                      <input name="summary" maxLength={300} />
                    </label>
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ol>
      </section>
      {editor && (
        <section aria-labelledby="media-upload">
          <h2 id="media-upload">Upload a new version</h2>
          <MediaUploadForm name={detail.name} maxMegabytes={Math.round(mediaServices().limits.maxBytes / 1024 / 1024)} />
        </section>
      )}
      <p>
        <Link href="/media">All media</Link>
      </p>
    </article>
  );
}
