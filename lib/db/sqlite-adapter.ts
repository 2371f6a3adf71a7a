import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** One holder at a time, in the order they asked. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function gives it back. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * Prisma's SQLite adapter shares one connection between everything, and it has two faults this
 * wrapper mends:
 *
 * - It opens a transaction with a deferred `BEGIN`. In WAL mode such a transaction, once it has read,
 *   cannot take the write lock after another process (a command-line import) has written: SQLite
 *   answers "busy" at once, without waiting. `BEGIN IMMEDIATE` takes the write lock first, waiting
 *   (SQLite's busy timeout) for another process's write to end, so what the transaction read stays true.
 * - A query made outside a transaction while one is open ran inside it, on the shared connection:
 *   a transaction rolled back took the other request's write with it. Such a query now waits until
 *   the transaction ends.
 */
class SerialSqliteAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #lock = new Lock();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    beginImmediately((inner as unknown as { client: Database.Database }).client);
  }

  queryRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#lock.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      const tx = await this.#inner.startTransaction(isolationLevel);
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query) => tx.queryRaw(query),
        executeRaw: (query) => tx.executeRaw(query),
        commit: () => tx.commit().finally(release),
        rollback: () => tx.rollback().finally(release),
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  dispose() {
    return this.#inner.dispose();
  }
}

/** Makes the adapter's `BEGIN` an immediate one (see SerialSqliteAdapter). */
function beginImmediately(client: Database.Database) {
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
}

/** Prisma's SQLite adapter factory, each connection wrapped as SerialSqliteAdapter. */
export class SerialSqlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(path: string) {
    this.#inner = new PrismaBetterSQLite3({ url: path });
    this.adapterName = this.#inner.adapterName;
  }

  async connect() {
    return new SerialSqliteAdapter(await this.#inner.connect());
  }

  async connectToShadowDb() {
    return new SerialSqliteAdapter(await this.#inner.connectToShadowDb());
  }
}
