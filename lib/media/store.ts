import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { StoreConfig } from "./config";

/**
 * Where media bytes live. Keys are content-addressed (see {@link originalKey}), so an object is
 * never changed once written: `put` of an existing key does nothing.
 */
export interface MediaStore {
  readonly kind: "local" | "s3";
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

const KEY = /^[a-z0-9]+(\/[a-z0-9][a-z0-9.-]*)+$/;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`Not a media storage key: ${key.slice(0, 100)}`);
  return key;
}

/** The key of a file's bytes: its SHA-256, fanned out by the first two digits. */
export function originalKey(hash: string): string {
  return checkKey(`originals/${hash.slice(0, 2)}/${hash}`);
}

/** A directory on this server (`data/media/` by default): the embedded default for one server. */
export function createLocalStore(directory: string): MediaStore {
  const root = path.resolve(directory);
  const file = (key: string) => path.join(root, ...checkKey(key).split("/"));
  const has = async (key: string) => {
    try {
      return (await stat(file(key))).isFile();
    } catch {
      return false;
    }
  };
  return {
    kind: "local",
    has,
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async put(key, bytes) {
      const target = file(key);
      if (await has(key)) return;
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed into place, so a reader never sees half a file.
      const temporary = `${target}.${randomBytes(6).toString("hex")}.part`;
      try {
        await writeFile(temporary, bytes);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    },
  };
}

/** An S3-compatible bucket, for several servers sharing one library. */
export function createS3Store(config: Extract<StoreConfig, { kind: "s3" }>, client?: S3Client): MediaStore {
  const s3 = client ?? new S3Client({ region: config.region, endpoint: config.endpoint, forcePathStyle: config.forcePathStyle, credentials: config.credentials });
  const objectKey = (key: string) => (config.prefix ? `${config.prefix}/${checkKey(key)}` : checkKey(key));
  const has = async (key: string) => {
    try {
      await s3.send(new HeadObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  };
  return {
    kind: "s3",
    has,
    async get(key) {
      try {
        const answer = await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async put(key, bytes, contentType) {
      if (await has(key)) return;
      await s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
  };
}

/** The store a configuration names. */
export function createStore(config: StoreConfig): MediaStore {
  return config.kind === "s3" ? createS3Store(config) : createLocalStore(config.directory);
}
