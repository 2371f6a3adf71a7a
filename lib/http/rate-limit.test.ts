import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("a rate limit", () => {
  it("lets each key act `limit` times per window, then says how long to wait", async () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) expect(await limiter.take("a")).toBe(0);
    expect(await limiter.take("a")).toBe(60);
    expect(await limiter.take("b")).toBe(0);
    now = 45_500;
    expect(await limiter.take("a")).toBe(15);
    now = 60_000;
    expect(await limiter.take("a")).toBe(0);
  });
});
