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

/** The request body as JSON, refusing bodies over `maxBytes`. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new AppError("INVALID_INPUT", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
}
