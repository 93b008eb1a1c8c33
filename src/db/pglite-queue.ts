// The order in which the embedded server's connections reach PGlite's one backend. pglite-socket
// 0.2.17 runs their protocol messages one at a time and keeps an explicit transaction's messages
// together, but not an extended-protocol exchange's (Parse, Bind, Describe, Execute … Sync): a
// message of another connection between one client's Parse and its Sync runs inside that
// client's exchange, and its answer goes astray. A BEGIN answered so was never answered, and its
// request waited for ever. This queue keeps a connection's messages together from its first
// extended-protocol message to its Sync, and from BEGIN to COMMIT or ROLLBACK.
import type { PGlite } from '@electric-sql/pglite';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** Messages that open or continue an extended-protocol exchange, which only Sync ends. */
const EXCHANGE = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((type) => type.charCodeAt(0)));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** What pglite-socket's server asks of its query queue (its QueryQueueManager's methods). */
export class ProtocolQueue {
  readonly #db: PGlite;
  #queue: Queued[] = [];
  #running = false;
  /** The connection whose messages alone may run now: mid-exchange or in a transaction. */
  #owner: number | null = null;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** Runs one message of connection `handlerId`, its answer streamed to `onData`; resolves with its size. */
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ handlerId, message, onData, resolve, reject });
      void this.#run();
    });
  }

  getQueueLength(): number {
    return this.#queue.length;
  }

  /** A connection went away: its waiting messages are dropped. */
  clearQueueForHandler(handlerId: number): void {
    this.#queue = this.#queue.filter((queued) => {
      if (queued.handlerId !== handlerId) return true;
      queued.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection went away mid-exchange or in a transaction: both are ended for the others. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.#owner !== handlerId) return;
    await this.#db.runExclusive(() => this.#db.execProtocolRaw(SYNC));
    if (this.#db.isInTransaction()) await this.#db.exec('ROLLBACK');
    this.#owner = null;
    await this.#run();
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        const index = this.#owner === null ? 0 : this.#queue.findIndex((queued) => queued.handlerId === this.#owner);
        if (index < 0 || index >= this.#queue.length) return;
        const [next] = this.#queue.splice(index, 1) as [Queued];
        let bytes = 0;
        try {
          await this.#db.runExclusive(() =>
            this.#db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (error) {
          this.#owner = this.#db.isInTransaction() ? next.handlerId : null;
          next.reject(error as Error);
          continue;
        }
        this.#owner = this.#db.isInTransaction() || EXCHANGE.has(next.message[0]!) ? next.handlerId : null;
        next.resolve(bytes);
      }
    } finally {
      this.#running = false;
    }
  }
}
