import type { Db, Tx } from "./index";

const MAX_ATTEMPTS = 8;

/**
 * A unique-key clash (a revision number, a page id), a serialisation failure, or SQLite still busy
 * after its timeout (another process held the write lock that long): another writer won, and the
 * transaction is worth running again from the start.
 */
function isWriteRace(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return ["P2002", "P2034", "P1008"].includes(e?.code ?? "") || /unique constraint|could not serialize|deadlock|database is locked|SocketTimeout/i.test(e?.message ?? "");
}

/**
 * Runs `work` as one transaction, and runs it again (a few times, after a random pause that doubles
 * each time, two seconds in all at most) when it lost a race with another writer: a command-line
 * import writing to the same SQLite file can hold it for a good part of a second on a busy machine.
 * `work` must read what it depends on inside the transaction, so a second run decides afresh.
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx: Tx) => work(tx));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isWriteRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 5 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}
