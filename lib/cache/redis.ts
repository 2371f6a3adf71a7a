import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { databaseUrl } from "../db/url";

/**
 * The Redis server that the app's processes share (`REDIS_URL`), or null when there is none: then
 * each process keeps its own page cache and limits, as a single server needs.
 */
export function redisUrl(env: Record<string, string | undefined> = process.env): string | null {
  return env.REDIS_URL?.trim() || null;
}

/**
 * The prefix of every key this site keeps in Redis: servers on one database share it, and sites on
 * other databases (or tests) sharing one Redis never see each other's keys.
 */
export function redisPrefix(env: Record<string, string | undefined> = process.env): string {
  return env.REDIS_PREFIX?.trim() || `palimpsest:${createHash("sha256").update(databaseUrl()).digest("hex").slice(0, 12)}:`;
}

/**
 * A connection whose commands fail soon while Redis is unreachable (after one attempt to reconnect,
 * or five seconds without an answer: a server at full load can take a second to read one), so
 * callers fall back to working without it.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 5_000 });
  let reported = false;
  redis.on("error", (error: Error) => {
    if (!reported) console.error(`Redis (${new URL(url).host}): ${error.message}`);
    reported = true;
  });
  redis.on("ready", () => {
    reported = false;
  });
  return redis;
}

const globalForRedis = globalThis as unknown as { palimpsestRedis?: Redis | null };

/**
 * The process's connection to the shared Redis, or null without `REDIS_URL`. It keeps the process
 * running: a command that ends on its own closes it (`closeSharedRedis`).
 */
export function sharedRedis(): Redis | null {
  if (globalForRedis.palimpsestRedis === undefined) {
    const url = redisUrl();
    globalForRedis.palimpsestRedis = url ? connectRedis(url) : null;
  }
  return globalForRedis.palimpsestRedis;
}

/** Deletes every key that starts with `prefix`. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const stream = redis.scanStream({ match: `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
}

/** Closes the process's connection to the shared Redis, if it made one. */
export async function closeSharedRedis(): Promise<void> {
  const redis = globalForRedis.palimpsestRedis;
  globalForRedis.palimpsestRedis = undefined;
  await redis?.quit();
}
