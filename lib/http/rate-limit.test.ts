import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("a rate limit", () => {
  it("lets each key act `limit` times per window, then says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.take("a"))).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(60);
    expect(limiter.take("b")).toBe(0);
    now = 45_500;
    expect(limiter.take("a")).toBe(15);
    now = 60_000;
    expect(limiter.take("a")).toBe(0);
  });
});
