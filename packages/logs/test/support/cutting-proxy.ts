// A TCP proxy in front of the sandbox that can cut a streaming response in the middle of a line,
// as a flaky network or a restarting load balancer does, corrupt a line, or split a chunk inside a
// character; it counts the connections open through it and keeps what clients sent. The server
// behind it is the real sandbox.
import net from 'node:net';

export interface CuttingProxy {
  url: string;
  /** Cuts the next response chunk that carries a log line, halfway through that line. */
  armCut(): void;
  /** How many connections were cut so far. */
  cuts(): number;
  /** Replaces the `{` of the next log line by `!` (same length, so the framing stays valid). */
  armCorrupt(): void;
  /** Sends the next chunk with a non-ASCII byte in two writes, the second after a pause. */
  armSplit(): void;
  /** Client connections open through the proxy. */
  openConnections(): number;
  /** Everything clients sent, in order. */
  received(): Buffer;
  /** Closes every connection, as a restarting server does. */
  dropAll(): void;
  /** Sends these bytes to every client, as if the server had. */
  inject(bytes: Buffer): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let armed = 0;
  let cutCount = 0;
  let corrupt = 0;
  let split = 0;
  const sent: Buffer[] = [];
  const clients = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    client.setNoDelay(true);
    clients.add(client);
    client.on('close', () => clients.delete(client));
    sockets.add(client);
    sockets.add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      sent.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      const lineStart = text.indexOf('{"createdAt"');
      if (corrupt > 0 && lineStart !== -1) {
        corrupt--;
        const copy = Buffer.from(chunk);
        copy[lineStart] = '!'.charCodeAt(0);
        client.write(copy);
        return;
      }
      const high = chunk.findIndex((byte) => byte >= 0x80);
      if (split > 0 && high !== -1) {
        split--;
        upstream.pause();
        client.write(chunk.subarray(0, high + 1));
        setTimeout(() => {
          client.write(chunk.subarray(high + 1));
          upstream.resume();
        }, 50);
        return;
      }
      if (armed > 0 && lineStart !== -1) {
        armed--;
        cutCount++;
        // Half of the first line of this chunk: a connection lost mid-line.
        const newline = text.indexOf('\n', lineStart);
        const lineEnd = newline === -1 ? text.length : newline;
        const cutAt = lineStart + Math.max(1, Math.floor((lineEnd - lineStart) / 2));
        client.write(chunk.subarray(0, cutAt), () => {
          client.destroy();
          upstream.destroy();
        });
        return;
      }
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    armCut: () => {
      armed++;
    },
    cuts: () => cutCount,
    armCorrupt: () => {
      corrupt++;
    },
    armSplit: () => {
      split++;
    },
    openConnections: () => clients.size,
    received: () => Buffer.concat(sent),
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    inject: (bytes) => {
      for (const client of clients) client.write(bytes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
