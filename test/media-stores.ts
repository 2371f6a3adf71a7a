// Media stores for tests on real backends: a temporary directory, and buckets on an S3 server
// (s3rver) listening on loopback on a free port, both removed when the tests end.
import { mkdtempSync, rmSync } from "node:fs";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, type MediaLimits } from "../lib/media/config";
import { createLocalStore, createS3Store, type MediaStore } from "../lib/media/store";
import { MEDIA_TYPE_NAMES } from "../lib/media/types";

export const TEST_LIMITS: MediaLimits = { maxBytes: DEFAULT_MAX_BYTES, maxPixels: DEFAULT_MAX_PIXELS, allowedTypes: MEDIA_TYPE_NAMES };

export type StoreKind = "local" | "s3";
export const STORE_KINDS: StoreKind[] = ["local", "s3"];

/** A store under test, with a way to list what it holds under a prefix (to see that duplicates cost nothing). */
export interface TestStore {
  store: MediaStore;
  keys(prefix: string): Promise<string[]>;
}

/** Starts an S3 server on loopback and hands out stores, a fresh bucket each, and local directories. */
export async function startTestStores() {
  const directory = mkdtempSync(path.join(os.tmpdir(), "palimpsest-media-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(directory, "s3") });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  let counter = 0;

  async function create(kind: StoreKind): Promise<TestStore> {
    const name = `store-${counter++}`;
    if (kind === "local") {
      const root = path.join(directory, name);
      return {
        store: createLocalStore(root),
        keys: async (prefix) => {
          const entries = await readdir(path.join(root, prefix), { recursive: true, withFileTypes: true }).catch(() => []);
          return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
        },
      };
    }
    const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    clients.push(client);
    await client.send(new CreateBucketCommand({ Bucket: name }));
    return {
      store: createS3Store({ kind: "s3", bucket: name, endpoint, region: "us-east-1", prefix: "", forcePathStyle: true }, client),
      keys: async (prefix) => ((await client.send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!),
    };
  }

  async function stop() {
    for (const client of clients) client.destroy();
    server.httpServer?.closeAllConnections();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }

  return { endpoint, create, stop };
}
