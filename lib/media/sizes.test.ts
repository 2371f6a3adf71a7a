import { describe, expect, it } from "vitest";
import { thumbnailFor } from "./sizes";

describe("choosing a thumbnail", () => {
  const sources = [
    { width: 320, url: "/t/320.webp" },
    { width: 160, url: "/t/160.webp" },
    { width: 500, url: "/t/640.webp" },
  ];

  it("takes the smallest wide enough, else the largest", () => {
    expect(thumbnailFor(sources, 100)).toBe("/t/160.webp");
    expect(thumbnailFor(sources, 161)).toBe("/t/320.webp");
    expect(thumbnailFor(sources, 800)).toBe("/t/640.webp");
    expect(thumbnailFor([], 100)).toBeNull();
  });
});
