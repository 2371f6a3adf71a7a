import { requestAccount } from "@/lib/auth/request";
import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { mediaServices } from "@/lib/media";
import { mediaHref, versionAddresses } from "@/lib/media/serving";
import { typeFacts } from "@/lib/media/types";
import { queryObject } from "@/lib/validation/history";
import { MediaListQuerySchema, MediaUploadFileSchema } from "@/lib/validation/media";
import { AppError } from "@/lib/wiki/errors";
import { listMedia, MEDIA_PAGE_SIZE, uploadMedia } from "@/lib/wiki/media";

// Room for the form's other fields and the multipart boundaries around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The media library, 50 at a time: `?q=` (name or description), `?type=image|pdf|document`,
 * `?unused=1` (files no page shows), `?page=`; each file with its page (`href`), how many pages show
 * it (`usedOn`) and its current version's type, label, size and addresses.
 */
export async function GET(request: Request) {
  return respond(async () => {
    const { q, type, unused, page } = MediaListQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    const { entries, more } = await listMedia(db, { q, type, unused, skip: (page - 1) * MEDIA_PAGE_SIZE });
    return {
      body: {
        entries: entries.map(({ current, ...entry }) => ({
          ...entry,
          href: mediaHref(entry.name),
          version: {
            number: current.number,
            type: current.type,
            label: typeFacts(current.type).label,
            size: current.size,
            width: current.width,
            height: current.height,
            createdAt: current.createdAt,
            ...versionAddresses(current, entry.name),
          },
        })),
        next: more ? page + 1 : null,
      },
    };
  });
}

/**
 * Uploads a file as multipart form data (`file`, `name`, and optionally `description`, `alt`,
 * `credit`, `licence`, `summary`), by session or bearer token; editors only. 201 with the new
 * version, 200 when the bytes were those of the current version already.
 */
export async function POST(request: Request) {
  return respond(async () => {
    const account = await requestAccount(request);
    const { limits } = mediaServices();
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > limits.maxBytes + FORM_OVERHEAD_BYTES)
      throw new AppError("INVALID_INPUT", `The file is larger than the limit of ${Math.round(limits.maxBytes / 1024 / 1024)} MB. Nothing was stored.`);
    if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) throw new AppError("INVALID_INPUT", "Send the file as multipart/form-data.");
    const form = await request.formData();
    const file = MediaUploadFileSchema.parse(form.get("file"));
    const fields = Object.fromEntries([...form].filter(([key, value]) => key !== "file" && typeof value === "string"));
    const result = await uploadMedia(db, mediaServices(), account, { bytes: new Uint8Array(await file.arrayBuffer()), fields });
    // Articles showing the file (or its missing-file placeholder) show the new version.
    return { status: result.changed ? 201 : 200, body: { ...result, href: `/media/${result.name}` } };
  });
}
