import { describe, expect, it } from "vitest";
import { readJson, readLimited } from "./respond";

/** A body that never ends, counting the chunks read from it. */
function endless() {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
    },
  });
  return { body, pulled: () => pulled };
}

describe("reading request bodies", () => {
  it("stops reading a body as soon as it is larger than the limit", async () => {
    const { body, pulled } = endless();
    const request = new Request("http://wiki.example/api", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readLimited(request, 1024 * 1024)).rejects.toMatchObject({ code: "INVALID_INPUT", message: "The request body is larger than 1024 KB." });
    expect(pulled()).toBeLessThan(40);
  });

  it("refuses a body whose declared length is too large without reading it", async () => {
    const { body, pulled } = endless();
    const request = new Request("http://wiki.example/api", { method: "POST", body, duplex: "half", headers: { "content-length": String(10 * 1024 * 1024) } } as RequestInit);
    await expect(readLimited(request, 1024)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("reads JSON within the limit, and refuses what is not JSON or holds NUL characters", async () => {
    const post = (body: string) => new Request("http://wiki.example/api", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(await readJson(post('{"a":[1,"é"]}'), 100)).toEqual({ a: [1, "é"] });
    await expect(readJson(post("{"), 100)).rejects.toMatchObject({ message: "The request body is not JSON." });
    await expect(readJson(post('{"a":"\\u0000"}'), 100)).rejects.toMatchObject({ message: "The request body holds a NUL character." });
    await expect(readJson(new Request("http://wiki.example/api", { method: "POST", body: "{}", headers: { "content-type": "text/plain" } }), 100)).rejects.toMatchObject({
      message: "Send the request body as application/json.",
    });
  });
});
