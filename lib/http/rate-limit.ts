import type { Redis } from "ioredis";
import { redisPrefix, sharedRedis } from "../cache/redis";

/** A limit on how often each key (an account) may do something: `limit` times per window. */
export interface RateLimit {
  /** Counts one use; gives 0 when allowed, otherwise the seconds until the key may try again. */
  take(key: string): Promise<number>;
}

/** A limit counted in this process: what one server needs. */
export class RateLimiter implements RateLimit {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<number> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.forgetExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    window.count++;
    return 0;
  }

  private forgetExpired(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/**
 * A limit counted in Redis, the same for every server of a site: uses are counted per window of
 * `windowMs` (windows start at multiples of it). While Redis cannot be reached, each server counts
 * for itself.
 */
export class SharedRateLimiter implements RateLimit {
  private readonly fallback: RateLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.fallback = new RateLimiter(limit, windowMs, now);
  }

  async take(key: string): Promise<number> {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    const counter = `${this.prefix}${key}:${window}`;
    try {
      const [[, count]] = (await this.redis.multi().incr(counter).pexpire(counter, this.windowMs).exec()) as [[Error | null, number]];
      return count <= this.limit ? 0 : Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
    } catch {
      return this.fallback.take(key);
    }
  }
}

/**
 * A limit named `name`, shared by every server through Redis when `REDIS_URL` is set, otherwise
 * per process. It connects on first use, not when a module defines it.
 */
export function rateLimit(name: string, limit: number, windowMs: number): RateLimit {
  let limiter: RateLimit | null = null;
  return {
    take(key) {
      const redis = sharedRedis();
      limiter ??= redis ? new SharedRateLimiter(redis, `${redisPrefix()}limit:${name}:`, limit, windowMs) : new RateLimiter(limit, windowMs);
      return limiter.take(key);
    },
  };
}
