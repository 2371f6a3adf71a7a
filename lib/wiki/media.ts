import { authorize } from "../auth/policy";
import { collectFigureUses, storedDocument } from "../content/document";
import { pageNamespace } from "../content/page-id";
import type { RenderMedia } from "../content/render";
import type { Db, DbOrTx } from "../db";
import { changeTransaction } from "../cache/invalidation";
import type { MediaServices } from "../media";
import { prepareUpload } from "../media/prepare";
import { mediaHref, versionAddresses } from "../media/serving";
import { formatFileSize } from "../media/sizes";
import { originalKey } from "../media/store";
import { extensionFits, type MediaKind, MEDIA_TYPES, typeFacts, typesOfKind } from "../media/types";
import { fieldErrors } from "../validation/account";
import { MediaNameSchema, MediaRevertSchema, MediaUploadFieldsSchema } from "../validation/media";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { ensureSystemUser } from "./users";

// The media library's records. Bytes go to the store before the record that points at them is
// written, so a record never names missing bytes; bytes left behind by a failed write are harmless,
// being addressed by their content, and the next upload of the same file finds them there.

function parse<T>(result: { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] }): T {
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw new AppError("INVALID_INPUT", Object.values(errors)[0] ?? "Check the highlighted fields.", { fieldErrors: errors });
}

const VERSION_SELECT = {
  number: true,
  hash: true,
  type: true,
  size: true,
  width: true,
  height: true,
  summary: true,
  revertOf: true,
  createdAt: true,
  uploader: { select: { name: true } },
} as const;

export interface MediaVersionInfo {
  number: number;
  hash: string;
  type: string;
  size: number;
  width: number | null;
  height: number | null;
  summary: string;
  /** The version this one restored, for a revert. */
  revertOf: number | null;
  uploader: string | null;
  createdAt: Date;
}

type VersionRow = Omit<MediaVersionInfo, "uploader"> & {
  uploader: { name: string | null };
};
const toVersion = ({ uploader, ...v }: VersionRow): MediaVersionInfo => ({ ...v, uploader: uploader.name });

export interface UploadResult {
  name: string;
  /** The version the file shows now. */
  number: number;
  /** Whether this upload made the file (version 1). */
  created: boolean;
  /** False when the bytes were those of the current version already: no version was made. */
  changed: boolean;
}

/**
 * Uploads a file under a name: a new file, or a new version of the file of that name. The bytes
 * are checked and cleaned ({@link prepareUpload}) and must be of the type the name's extension
 * says. The same bytes as the current version make no version (descriptive fields given still
 * change). Editors only.
 */
export async function uploadMedia(db: Db, media: MediaServices, account: Account | null, input: { bytes: Uint8Array; fields: unknown }): Promise<UploadResult> {
  return storeUpload(db, media, authorize(account, "upload").id, input);
}

/**
 * Uploads a file as imports are authored (the system user, or the account given), at the time
 * given (an imported history keeps its dates): the same checks, cleaning and dedupe as
 * {@link uploadMedia}, without permission. For the command line only, never a route.
 */
export async function importMediaFile(db: Db, media: MediaServices, input: { bytes: Uint8Array; fields: unknown; authorId?: string; createdAt?: Date }): Promise<UploadResult> {
  return storeUpload(db, media, input.authorId ?? (await ensureSystemUser(db)), input);
}

async function storeUpload(db: Db, media: MediaServices, authorId: string, input: { bytes: Uint8Array; fields: unknown; createdAt?: Date }): Promise<UploadResult> {
  const { name, summary, ...details } = parse(MediaUploadFieldsSchema.safeParse(input.fields));
  const file = await prepareUpload(input.bytes, media.limits);
  if (!extensionFits(name, file.type)) {
    const expected = MEDIA_TYPES[file.type].extensions[0];
    throw new AppError("INVALID_INPUT", `The file is a ${MEDIA_TYPES[file.type].label}, but the name does not end in .${expected}. Nothing was stored.`, {
      fieldErrors: { name: `End the name in .${expected}.` },
    });
  }
  await media.store.put(originalKey(file.hash), file.bytes, file.type);
  const given = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  return changeTransaction(db, async (tx, stale) => {
    const existing = await tx.mediaFile.findUnique({ where: { name }, select: { id: true, currentVersion: { select: { number: true, hash: true } } } });
    if (existing?.currentVersion?.hash === file.hash) {
      if (Object.keys(given).length) await tx.mediaFile.update({ where: { id: existing.id }, data: given });
      return { name, number: existing.currentVersion.number, created: false, changed: false };
    }
    const record = existing ?? (await tx.mediaFile.create({ data: { name, namespace: pageNamespace(name), ...given }, select: { id: true } }));
    const number = (existing?.currentVersion?.number ?? 0) + 1;
    const version = await tx.mediaVersion.create({
      data: {
        mediaId: record.id,
        number,
        hash: file.hash,
        type: file.type,
        size: file.size,
        width: file.width,
        height: file.height,
        uploaderId: authorId,
        summary,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      },
      select: { id: true },
    });
    await tx.mediaFile.update({ where: { id: record.id }, data: { ...given, currentVersionId: version.id } });
    stale.media(name);
    return { name, number, created: !existing, changed: true };
  });
}

/**
 * Shows an earlier version again, as a new version repeating its bytes (so history only grows, and
 * what a page showed at any moment can still be told). Refused when it is what the file shows now.
 */
export async function revertMedia(db: Db, account: Account | null, input: unknown): Promise<UploadResult> {
  const author = authorize(account, "upload");
  const { name, number, summary } = parse(MediaRevertSchema.safeParse(input));
  return changeTransaction(db, async (tx, stale) => {
    stale.media(name);
    const file = await tx.mediaFile.findUnique({ where: { name }, select: { id: true, currentVersion: { select: { number: true, hash: true } } } });
    if (!file?.currentVersion) throw new AppError("NOT_FOUND", `There is no file "${name}".`);
    const old = await tx.mediaVersion.findUnique({ where: { mediaId_number: { mediaId: file.id, number } } });
    if (!old) throw new AppError("NOT_FOUND", `"${name}" has no version ${number}.`);
    if (old.hash === file.currentVersion.hash) throw new AppError("CONFLICT", `The file shows the bytes of version ${number} already.`);
    const next = file.currentVersion.number + 1;
    const version = await tx.mediaVersion.create({
      data: {
        mediaId: file.id,
        number: next,
        hash: old.hash,
        type: old.type,
        size: old.size,
        width: old.width,
        height: old.height,
        uploaderId: author.id,
        summary: summary || `Reverted to version ${number}`,
        revertOf: number,
      },
      select: { id: true },
    });
    await tx.mediaFile.update({ where: { id: file.id }, data: { currentVersionId: version.id } });
    return { name, number: next, created: false, changed: true };
  });
}

export interface MediaEntry {
  name: string;
  description: string;
  alt: string;
  updatedAt: Date;
  current: MediaVersionInfo;
  /** How many live pages show the file to readers. */
  usedOn: number;
}

/** What readers see: the published revisions of live pages. */
const SHOWN = { publishedOf: { is: { deletedAt: null } } } as const;

export const MEDIA_PAGE_SIZE = 50;

/**
 * The media library by name: searched in names and descriptions, filtered by kind (image, PDF,
 * document) or to the files no page shows, each with how many pages show it (two queries).
 */
export async function listMedia(
  db: DbOrTx,
  { q, type, unused = false, skip = 0 }: { q?: string; type?: MediaKind; unused?: boolean; skip?: number } = {},
): Promise<{ entries: MediaEntry[]; more: boolean }> {
  const query = q?.trim().slice(0, 200);
  const shown = unused ? (await db.mediaUse.findMany({ where: { revision: SHOWN }, distinct: ["mediaName"], select: { mediaName: true } })).map((u) => u.mediaName) : [];
  const rows = await db.mediaFile.findMany({
    where: {
      currentVersionId: { not: null },
      ...(type ? { currentVersion: { type: { in: typesOfKind(type) } } } : {}),
      ...(query ? { OR: [{ name: { contains: query.toLowerCase() } }, { description: { contains: query } }] } : {}),
      ...(unused ? { name: { notIn: shown } } : {}),
    },
    orderBy: { name: "asc" },
    skip,
    take: MEDIA_PAGE_SIZE + 1,
    select: { name: true, description: true, alt: true, updatedAt: true, currentVersion: { select: VERSION_SELECT } },
  });
  const listed = rows.slice(0, MEDIA_PAGE_SIZE);
  const pages = new Map<string, Set<number>>();
  if (listed.length && !unused) {
    const uses = await db.mediaUse.findMany({
      where: { mediaName: { in: listed.map((row) => row.name) }, revision: SHOWN },
      select: { mediaName: true, revision: { select: { pageId: true } } },
    });
    for (const use of uses) pages.set(use.mediaName, (pages.get(use.mediaName) ?? new Set()).add(use.revision.pageId));
  }
  return {
    entries: listed.map(({ currentVersion, ...row }) => ({ ...row, current: toVersion(currentVersion!), usedOn: pages.get(row.name)?.size ?? 0 })),
    more: rows.length > MEDIA_PAGE_SIZE,
  };
}

/** A page showing a file, and the sections it is in (anchors; "" for the text before the first heading). */
export interface MediaUsage {
  pageId: string;
  title: string;
  sections: { anchor: string; heading: string | null }[];
}

/** The live pages whose readers see a file, by title, with the sections it is in, in one query. */
export async function getMediaUsage(db: DbOrTx, name: string, { limit = 200 } = {}): Promise<MediaUsage[]> {
  const pages = await db.page.findMany({
    where: { deletedAt: null, publishedRevision: { mediaUses: { some: { mediaName: name } } } },
    orderBy: { title: "asc" },
    take: limit,
    select: { slug: true, title: true, publishedRevision: { select: { mediaUses: { where: { mediaName: name }, select: { section: true, heading: true } } } } },
  });
  return pages.map((page) => ({
    pageId: page.slug,
    title: page.title,
    sections: (page.publishedRevision?.mediaUses ?? []).map(({ section, heading }) => ({ anchor: section, heading: heading || null })),
  }));
}

/**
 * Records where each file is used for a site whose revisions were written before that was kept:
 * the figures of every page's latest and published revision. Does nothing once anything is
 * recorded, or when no revision shows a figure. Returns how many revisions it read.
 */
export async function ensureMediaUses(db: Db): Promise<number> {
  if ((await db.mediaUse.count()) > 0) return 0;
  let read = 0;
  for (let after = 0; ;) {
    const pages = await db.page.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, latestRevisionId: true, publishedRevisionId: true },
    });
    if (!pages.length) break;
    after = pages.at(-1)!.id;
    const ids = [...new Set(pages.flatMap((p) => [p.latestRevisionId, p.publishedRevisionId]).filter((id): id is number => id !== null))];
    const revisions = await db.revision.findMany({ where: { id: { in: ids }, content: { contains: '"figure"' } }, select: { id: true, content: true } });
    read += revisions.length;
    const uses = revisions.flatMap((r) => collectFigureUses(storedDocument(r.content)).map((use) => ({ revisionId: r.id, ...use })));
    if (uses.length) await db.mediaUse.createMany({ data: uses });
  }
  return read;
}

export interface MediaDetail {
  name: string;
  namespace: string;
  description: string;
  alt: string;
  credit: string;
  licence: string;
  createdAt: Date;
  updatedAt: Date;
  current: MediaVersionInfo;
  /** Newest first. */
  versions: MediaVersionInfo[];
}

/** One file with every version. The name is cleaned as an upload's is, so `Models/Chart.PNG` finds `models:chart.png`. */
export async function getMediaDetail(db: DbOrTx, rawName: string): Promise<MediaDetail> {
  const name = MediaNameSchema.safeParse(rawName);
  const row = name.success
    ? await db.mediaFile.findUnique({
        where: { name: name.data },
        select: {
          name: true,
          namespace: true,
          description: true,
          alt: true,
          credit: true,
          licence: true,
          createdAt: true,
          updatedAt: true,
          currentVersion: { select: { number: true } },
          versions: { orderBy: { number: "desc" }, select: VERSION_SELECT },
        },
      })
    : null;
  if (!row?.currentVersion) throw new AppError("NOT_FOUND", `There is no file "${rawName.slice(0, 80)}".`);
  const { currentVersion, versions, ...record } = row;
  const all = versions.map(toVersion);
  return { ...record, current: all.find((v) => v.number === currentVersion.number)!, versions: all };
}

/**
 * What stored bytes are, for serving them: the type of a version with this hash and the name of
 * its file, or null when no version has these bytes.
 */
export async function findStoredFile(db: DbOrTx, hash: string): Promise<{ type: string; name: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const row = await db.mediaVersion.findFirst({ where: { hash }, orderBy: { id: "asc" }, select: { type: true, media: { select: { name: true } } } });
  return row ? { type: row.type, name: row.media.name } : null;
}

/**
 * The version of each named file a page shows: the current one, or with `asOf` the one that was
 * current at that moment (an old revision shows its files as readers saw them while it was the
 * latest; see docs/decisions/0008-media.md). A file first uploaded after that moment shows its first
 * version. Names with no file are left out.
 */
export async function resolveMedia(db: DbOrTx, names: string[], asOf?: Date): Promise<Map<string, MediaVersionInfo & { alt: string }>> {
  const wanted = [...new Set(names)];
  if (!wanted.length) return new Map();
  // The current version is always the highest number, so one query answers both questions.
  const files = await db.mediaFile.findMany({
    where: { name: { in: wanted }, currentVersionId: { not: null } },
    select: { name: true, alt: true, versions: { where: asOf ? { createdAt: { lte: asOf } } : {}, orderBy: { number: "desc" }, take: 1, select: VERSION_SELECT } },
  });
  const resolved = new Map<string, MediaVersionInfo & { alt: string }>();
  const early: string[] = [];
  for (const file of files) {
    if (file.versions[0]) resolved.set(file.name, { ...toVersion(file.versions[0]), alt: file.alt });
    else early.push(file.name);
  }
  if (early.length) {
    const firsts = await db.mediaVersion.findMany({
      where: { number: 1, media: { name: { in: early } } },
      select: { ...VERSION_SELECT, media: { select: { name: true, alt: true } } },
    });
    for (const { media, ...first } of firsts) resolved.set(media.name, { ...toVersion(first), alt: media.alt });
  }
  return resolved;
}

/** What the renderer needs of the files a document's figures show, as of a moment ({@link resolveMedia}). */
export async function getRenderMedia(db: DbOrTx, names: string[], asOf?: Date): Promise<Map<string, RenderMedia>> {
  const resolved = await resolveMedia(db, names, asOf);
  return new Map(
    [...resolved].map(([name, version]) => [
      name,
      {
        href: mediaHref(name),
        ...versionAddresses(version, name),
        alt: version.alt,
        width: version.width,
        height: version.height,
        label: `${typeFacts(version.type).label}, ${formatFileSize(version.size)}`,
      },
    ]),
  );
}
