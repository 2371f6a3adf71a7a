"use client";

import { useState } from "react";
import { MAX_ALT_LENGTH, MAX_CREDIT_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_LICENCE_LENGTH, MAX_MEDIA_NAME_LENGTH, MAX_UPLOAD_SUMMARY_LENGTH } from "@/lib/validation/media";
import { ScriptSubmit } from "@/components/ui/script-submit";

type Refusal = { message: string; fieldErrors?: Record<string, string> };

const LABELS: Record<string, string> = { name: "Name", file: "File", description: "Description", alt: "Alt text", credit: "Credit", licence: "Licence", summary: "Summary" };

/**
 * Uploads a file through the media API (a server action would cap the body at 1 MB): a new file,
 * or with `name` a new version of that one. Goes to the file's page once it is stored.
 */
export function MediaUploadForm({ name, suggestedName, maxMegabytes }: { name?: string; suggestedName?: string; maxMegabytes: number }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      encType="multipart/form-data"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const file = form.get("file");
        // A new file is called what it was called on the uploader's computer unless named here.
        if (!name && !String(form.get("name") ?? "").trim() && file instanceof File) form.set("name", file.name);
        setPending(true);
        setRefusal(null);
        try {
          const response = await fetch("/api/media", { method: "POST", body: form });
          const body = (await response.json().catch(() => null)) as { href?: string; error?: Refusal } | null;
          if (response.ok && body?.href) {
            window.location.assign(body.href);
            return;
          }
          setRefusal(body?.error ?? { message: "The upload failed; try again." });
        } catch {
          setRefusal({ message: "The upload could not reach the server; try again." });
        }
        setPending(false);
      }}
    >
      {name ? (
        <input type="hidden" name="name" value={name} />
      ) : (
        <label>
          Name in the wiki (namespaces with colons; the file&apos;s own name when left empty)
          <input name="name" maxLength={MAX_MEDIA_NAME_LENGTH} placeholder="models:chart.png" defaultValue={suggestedName} />
        </label>
      )}
      <label>
        File (images, PDF, office documents; at most {maxMegabytes} MB)
        <input type="file" name="file" required />
      </label>
      {!name && (
        <>
          <label>
            Description
            <textarea name="description" rows={3} maxLength={MAX_DESCRIPTION_LENGTH} />
          </label>
          <label>
            Alt text (what the picture shows, for readers who cannot see it)
            <input name="alt" maxLength={MAX_ALT_LENGTH} />
          </label>
          <div className="field-row">
            <label>
              Credit
              <input name="credit" maxLength={MAX_CREDIT_LENGTH} />
            </label>
            <label>
              Licence
              <input name="licence" maxLength={MAX_LICENCE_LENGTH} />
            </label>
          </div>
        </>
      )}
      <label>
        Summary
        <input name="summary" maxLength={MAX_UPLOAD_SUMMARY_LENGTH} />
      </label>
      {refusal && (
        <div role="alert" className="form-error">
          <p>{refusal.message}</p>
          {refusal.fieldErrors && (
            <ul>
              {Object.entries(refusal.fieldErrors).map(([field, message]) => (
                <li key={field}>
                  {LABELS[field] ?? field}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="button-row">
        <ScriptSubmit pending={pending}>{pending ? "Uploading…" : name ? "Upload a new version" : "Upload"}</ScriptSubmit>
      </div>
    </form>
  );
}
