// A loopback file server that sends its bytes slowly, so that a process can be stopped or killed
// mid-download.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowSource {
  /** The file's URL on 127.0.0.1. */
  url: string;
  close(): void;
}

/** Serves `bytes` at /disk.qcow2, `chunk` bytes every `everyMs`. */
export async function serveSlowly(bytes: Buffer, chunk = 64 * 1024, everyMs = 100): Promise<SlowSource> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': bytes.length });
    let offset = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(bytes.subarray(offset, offset + chunk));
      offset += chunk;
      if (offset >= bytes.length) {
        clearInterval(timer);
        res.end();
      }
    }, everyMs);
    res.once('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/disk.qcow2`, close: () => server.close() };
}
