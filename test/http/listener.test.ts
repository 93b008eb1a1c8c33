// The listener is bound before the service is ready, and closing it lets requests in flight finish.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PortInUse, createListener } from '../../src/http/listener.js';

describe('the HTTP listener', () => {
  it('answers 503 starting until it serves, then hands requests to the service', async () => {
    const listener = createListener('127.0.0.1', 0);
    const origin = await listener.listen();
    try {
      const early = await fetch(`${origin}/graphql`);
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('1');
      expect(await early.json()).toEqual({ status: 'starting' });
      listener.serve((_req, res) => res.end('served'));
      expect(await (await fetch(`${origin}/graphql`)).text()).toBe('served');
    } finally {
      await listener.close();
    }
  });

  it('answers a request that expects 100 Continue while starting, and hands it to the service once serving', async () => {
    const listener = createListener('127.0.0.1', 0);
    const origin = await listener.listen();
    const send = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${origin}/upload`, { method: 'PUT', headers: { expect: '100-continue', 'content-length': '4' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('continue', () => req.end('data'));
        req.on('error', reject);
      });
    try {
      expect(await send()).toEqual({ status: 503, body: '{"status":"starting"}' });
      listener.serve((req, res) => {
        req.resume().on('end', () => res.end('served'));
        res.writeContinue();
      });
      expect(await send()).toEqual({ status: 200, body: 'served' });
    } finally {
      await listener.close();
    }
  });

  it('says which port on which host is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const listener = createListener('127.0.0.1', port);
      const failure = await listener.listen().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PortInUse);
      expect((failure as Error).message).toBe(`port ${port} on 127.0.0.1 is in use`);
      await listener.close();
    } finally {
      taken.close();
    }
  });

  it('stops accepting on close but finishes the request in flight, over a kept-alive connection', async () => {
    const listener = createListener('127.0.0.1', 0);
    const origin = await listener.listen();
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    listener.serve((_req, res) => {
      arrived();
      setTimeout(() => res.end('finished'), 300);
    });
    const agent = new Agent({ keepAlive: true });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request(`${origin}/slow`, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, body }));
      }).on('error', reject).end();
    });
    await inFlight;
    const started = Date.now();
    const closed = listener.close();
    // A new connection is refused at once...
    await expect(fetch(`${origin}/other`)).rejects.toThrow();
    // ...while the one in flight gets its whole answer, and then the close completes.
    expect(await answer).toEqual({ status: 200, body: 'finished' });
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    agent.destroy();
  });
});
