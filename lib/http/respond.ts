import { AppError, describeError } from "../wiki/errors";

/**
 * A JSON answer for the HTTP API (or a response made by `run`, such as a file); errors become
 * `{ error: { code, message, … } }` with their status.
 */
export async function respond(run: () => Promise<{ status?: number; body: unknown } | Response>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    const { status = 200, body } = result;
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const described = describeError(error);
    if (described.status >= 500) console.error(error);
    const { status, code, message } = described;
    const details = error instanceof AppError ? error.details : undefined;
    return Response.json({ error: { code, message, ...(details ?? {}) } }, { status, headers: { "Cache-Control": "no-store" } });
  }
}

/**
 * The request body as JSON, refusing bodies over `maxBytes`. A browser's session must send it as
 * `application/json`, which no other site's form or simple request can (token calls may omit it).
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.headers.get("authorization") && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("INVALID_INPUT", "Send the request body as application/json.");
  }
  const text = await readLimited(request, maxBytes);
  let nul = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (key.includes("\0") || (typeof item === "string" && item.includes("\0"))) nul = true;
      return item;
    });
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
  // No text stored here may hold one (PostgreSQL refuses it).
  if (nul) throw new AppError("INVALID_INPUT", "The request body holds a NUL character.");
  return value;
}

/**
 * The request body as text, refused as soon as it is larger than `maxBytes` (by its declared length,
 * or while it is read), so an oversized body is never read whole.
 */
export async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("INVALID_INPUT", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
