import { describe, expect, it } from "vitest";
import { readMediaConfig } from "./config";
import { createLocalStore } from "./store";

describe("media configuration from the environment", () => {
  it("keeps files in data/media with a 25 MB limit and every known type by default", () => {
    const config = readMediaConfig({});
    expect(config.store).toEqual({ kind: "local", directory: "data/media" });
    expect(config.limits).toMatchObject({ maxBytes: 25 * 1024 * 1024, maxPixels: 50_000_000 });
    expect(config.limits.allowedTypes).toContain("image/svg+xml");
  });

  it("uses a bucket once one is named, with path-style addresses for another server", () => {
    const config = readMediaConfig({
      MEDIA_S3_BUCKET: "wiki-media",
      MEDIA_S3_ENDPOINT: "http://127.0.0.1:9000",
      MEDIA_S3_ACCESS_KEY_ID: "id",
      MEDIA_S3_SECRET_ACCESS_KEY: "secret",
      MEDIA_S3_PREFIX: "/palimpsest/",
    });
    expect(config.store).toEqual({
      kind: "s3",
      bucket: "wiki-media",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      prefix: "palimpsest",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
  });

  it("narrows the types and limits, and refuses values it cannot use", () => {
    expect(readMediaConfig({ MEDIA_ALLOWED_TYPES: "image/png, image/jpeg", MEDIA_MAX_BYTES: "1000" }).limits).toMatchObject({
      allowedTypes: ["image/png", "image/jpeg"],
      maxBytes: 1000,
    });
    expect(() => readMediaConfig({ MEDIA_ALLOWED_TYPES: "text/html" })).toThrow(/MEDIA_ALLOWED_TYPES lists types among/);
    expect(() => readMediaConfig({ MEDIA_STORE: "s3" })).toThrow(/needs MEDIA_S3_BUCKET/);
    expect(() => readMediaConfig({ MEDIA_MAX_BYTES: "lots" })).toThrow(/Media configuration/);
    expect(() => readMediaConfig({ MEDIA_S3_BUCKET: "b", MEDIA_S3_ACCESS_KEY_ID: "id" })).toThrow(/both/);
  });

  it("never lets a storage key leave the store's directory", async () => {
    const store = createLocalStore("data/test/never-written");
    await expect(store.get("originals/../../etc/passwd")).rejects.toThrow(/Not a media storage key/);
    await expect(store.put("/etc/passwd", new Uint8Array([1]), "text/plain")).rejects.toThrow(/Not a media storage key/);
  });
});
