// A forwarding HTTP proxy in front of the sandbox that records, from the server's side, every
// request it receives and whether the client closed the connection before the answer ended: what
// the cancellation tests check ("nothing was sent after the abort", "the socket was closed").
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Exchange {
  readonly method: string;
  readonly url: string;
  /** `performance.now()` when the proxy received the request. */
  readonly receivedAt: number;
  /** Set when the client's side of the exchange closed: true when it closed before the answer ended. */
  closedEarly: boolean | undefined;
  /** Resolves when the client's side of the exchange closed, whatever the reason. */
  readonly closed: Promise<void>;
}

export interface RecordingProxy {
  readonly url: string;
  readonly exchanges: Exchange[];
  /** Called for each request as it arrives (before it is forwarded). */
  onRequest: ((exchange: Exchange) => void) | undefined;
  close(): Promise<void>;
}

export interface RecordingProxyOptions {
  /** Answers whose path starts with this are passed on one chunk every `throttleMs`, so that a test can abort mid-body. */
  throttlePath?: string;
  throttleMs?: number;
}

export async function startRecordingProxy(
  upstreamUrl: string,
  options: RecordingProxyOptions = {},
): Promise<RecordingProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  const proxy: RecordingProxy = {
    url: '',
    exchanges: [],
    onRequest: undefined,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((request, response) => {
    let reportClosed: () => void = () => {};
    const exchange: Exchange = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      receivedAt: performance.now(),
      closedEarly: undefined,
      closed: new Promise<void>((resolve) => {
        reportClosed = resolve;
      }),
    };
    proxy.exchanges.push(exchange);
    proxy.onRequest?.(exchange);
    const outgoing = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: upstream.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        const throttled = options.throttlePath !== undefined && exchange.url.startsWith(options.throttlePath);
        if (!throttled) return void answer.pipe(response);
        answer.on('data', (chunk: Buffer) => {
          answer.pause();
          response.write(chunk);
          setTimeout(() => answer.resume(), options.throttleMs ?? 20);
        });
        answer.on('end', () => response.end());
      },
    );
    outgoing.on('error', () => response.destroy());
    response.on('close', () => {
      exchange.closedEarly = !response.writableFinished;
      outgoing.destroy();
      reportClosed();
    });
    request.pipe(outgoing);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, { url: `http://127.0.0.1:${port}` });
}
