import { type ChildProcess, spawn } from "node:child_process";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/**
 * A second app server on the same database, as a deployment with several machines runs them. It
 * shares nothing with the first but the database, the session key (as servers behind one address
 * must) and, on PostgreSQL, Redis; there it runs in two worker processes, as a larger deployment
 * does.
 */
async function startSecondServer(databaseUrl: string, redisUrl: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      AUTH_TRUST_HOST: "true",
      WEB_CONCURRENCY: redisUrl ? "2" : "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let stopped = false;
  const stop = () => {
    if (stopped || !child.pid) return;
    stopped = true;
    // The whole process group: npx, the primary and its workers.
    process.kill(-child.pid, "SIGKILL");
  };
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${url}/wiki/gpt_5_2`).catch(() => null))?.status ?? 0, { timeout: 120_000, intervals: [500] })
    .toBe(200)
    .catch((error: unknown) => {
      stop();
      throw error;
    });
  return { url, stop };
}

test.describe("two app servers on one database", () => {
  test.describe.configure({ timeout: 240_000 });

  test("share sessions and every change at once, and one keeps serving when the other stops", async ({ page, request, db, makeAccount, signInAs, baseURL }, testInfo) => {
    const { databaseUrl, redisUrl } = testInfo.project.metadata as { databaseUrl: string; redisUrl: string };
    // A page written before the second server starts, so every server has long heard of it.
    const earlier = `two_servers_earlier_${Date.now()}`;
    const author = await makeAccount("editor");
    await savePageRevision(db, { pageId: earlier, doc: doc("Rendered once for both servers."), authorId: author.id, summary: "Start", baseRevisionId: null });
    const second = await startSecondServer(databaseUrl, redisUrl, Number(new URL(baseURL!).port) + 2);
    try {
      if (redisUrl) {
        // What the first server renders, the second serves from Redis. It is asked with HEAD, which
        // it never keeps for itself, until the first has stored the page there.
        const identity = { "accept-encoding": "identity" };
        expect(await (await request.get(`${baseURL}/wiki/${earlier}`, { headers: identity })).text()).toContain("Rendered once for both servers.");
        await expect.poll(async () => (await request.head(`${second.url}/wiki/${earlier}`, { headers: identity })).headers()["x-cache"]).toBe("shared");
        const shared = await request.get(`${second.url}/wiki/${earlier}`, { headers: identity });
        expect(shared.headers()["x-cache"]).toBe("shared");
        expect(await shared.text()).toContain("Rendered once for both servers.");
      }

      const editor = await makeAccount("editor");
      const token = (await issueApiToken(db, await makeAccount("admin"), { userId: editor.id, name: "servers" })).token;
      const pageId = `two_servers_${Date.now()}`;
      const save = (server: string, text: string, baseRevisionId: number | null) =>
        request.post(`${server}/api/pages/${pageId}/revisions`, { data: { doc: doc(text), baseRevisionId }, headers: { authorization: `Bearer ${token}` } });
      const read = async (server: string) => (await request.get(`${server}/wiki/${pageId}`, { headers: { "accept-encoding": "identity" } })).text();

      // Signed in on the first server, the same session is good on the second.
      await signInAs(page, editor);
      await page.goto("/wiki/gpt_5_2");
      const session = await page.request.get(`${second.url}/api/auth/session`);
      expect((await session.json()).account?.name).toBe(editor.name);

      // Saved on one, read on the other: both have the page cached before each save.
      const first = await save(baseURL!, "Written on the first server.", null);
      expect(first.status()).toBe(201);

      await expect.poll(() => read(second.url)).toContain("Written on the first server.");
      await read(baseURL!);
      const revised = await save(baseURL!, "Revised on the first server.", (await first.json()).revision.id);
      expect(revised.status()).toBe(201);
      await expect.poll(() => read(second.url), { timeout: 10_000 }).toContain("Revised on the first server.");
      const third = await save(second.url, "Revised on the second server.", (await revised.json()).revision.id);
      expect(third.status()).toBe(201);
      await expect.poll(() => read(baseURL!), { timeout: 10_000 }).toContain("Revised on the second server.");

      // The second server stops in the middle of answering; the first goes on serving the latest text.
      const inFlight = request.get(`${second.url}/wiki/${pageId}/history`).catch((error: Error) => error);
      second.stop();
      await inFlight;
      expect(await read(baseURL!)).toContain("Revised on the second server.");
      await page.goto(`/wiki/${pageId}`);
      await expect(page.locator(".article-body")).toHaveText("Revised on the second server.");
    } finally {
      second.stop();
    }
  });
});
