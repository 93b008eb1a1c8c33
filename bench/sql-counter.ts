// Counts the SQL statements clients send to PostgreSQL: a loopback TCP proxy that reads the
// frontend protocol (client -> server) and counts simple Query ('Q') and extended-protocol
// Execute ('E') messages. pg_stat_statements would need a preload the shared server lacks.
// The server's replies pass through untouched; TLS is refused, so everything stays readable.
import { type AddressInfo, type Server, type Socket, createConnection, createServer } from 'node:net';

/** Startup-phase request codes (protocol 3.0, "Message Formats"). */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * Reads one connection's frontend byte stream. Before startup, messages have no type byte
 * (int32 length, int32 code); SSL and GSS encryption requests get 'N' and startup waits for the
 * real packet. After it, every message is a type byte then an int32 length that counts itself.
 */
export class FrontendParser {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  /** Query and Execute messages seen. */
  statements = 0;

  constructor(
    private readonly onStatement: () => void = () => {},
    private readonly refuseEncryption: () => void = () => {},
  ) {}

  /** Reads `chunk`; returns the bytes to pass on to the server (encryption requests are held back). */
  push(chunk: Buffer): Buffer {
    const wasStarted = this.started;
    const forward: Buffer[] = [];
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) break;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) break;
        const code = this.buffer.readInt32BE(4);
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.refuseEncryption();
        } else {
          this.started = true; // StartupMessage (or CancelRequest, after which the socket closes)
          forward.push(message);
        }
        continue;
      }
      if (this.buffer.length < 5) break;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) break;
      const type = this.buffer[0];
      if (!wasStarted) forward.push(this.buffer.subarray(0, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
      if (type === 0x51 /* Q */ || type === 0x45 /* E */) {
        this.statements++;
        this.onStatement();
      }
    }
    // Once started, every byte goes on as it came, whole messages or not.
    if (wasStarted) return chunk;
    if (this.started && this.buffer.length) forward.push(this.buffer);
    return Buffer.concat(forward);
  }
}

export interface SqlCounter {
  /** A connection string like `upstream`, pointing at the proxy. */
  url: string;
  /** Statements counted since start or the last reset. */
  readonly count: number;
  reset(): void;
  stop(): Promise<void>;
}

/** Starts a counting proxy on a free loopback port in front of the server `upstreamUrl` names. */
export async function startSqlCounter(upstreamUrl: string): Promise<SqlCounter> {
  const upstream = new URL(upstreamUrl);
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const backend = createConnection({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    sockets.add(backend);
    const parser = new FrontendParser(
      () => count++,
      () => client.write('N'),
    );
    client.on('data', (chunk: Buffer) => {
      const forward = parser.push(chunk);
      if (forward.length) backend.write(forward);
    });
    backend.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on('close', close).on('error', close);
    backend.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.href,
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
