// A fault-injecting HTTP proxy in front of the sandbox, used while the sandbox's own fault injection
// (`sb.faults`) has not landed: every request is forwarded unchanged to the real sandbox unless a
// fault matches it. It never writes balena's answers itself; it only breaks the transport (status
// codes before the server sees the request, resets, hangs, cut bodies, garbage JSON, cut streams).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultHandle, FaultInjector, FaultSpec } from './faults.js';

interface ActiveFault {
  spec: FaultSpec;
  left: number;
  fired: number;
}

function matches(spec: FaultSpec, method: string, url: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  const pathname = url.split('?')[0] ?? url;
  return typeof spec.path === 'string' ? pathname.startsWith(spec.path) : spec.path.test(pathname);
}

/** Starts the proxy on 127.0.0.1 in front of `upstreamUrl` (no trailing slash). */
export async function startFaultProxy(upstreamUrl: string): Promise<FaultInjector> {
  const upstream = new URL(upstreamUrl);
  const agent = new http.Agent({ keepAlive: true });
  const faults: ActiveFault[] = [];
  const sockets = new Set<Socket>();
  const forwarded: { method: string; url: string }[] = [];

  function forward(
    request: http.IncomingMessage,
    body: Buffer,
    onResponse: (upstreamResponse: http.IncomingMessage) => void,
    response: http.ServerResponse,
  ): void {
    forwarded.push({ method: request.method ?? 'GET', url: request.url ?? '/' });
    const headers = { ...request.headers, host: upstream.host };
    const outgoing = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers, agent },
      onResponse,
    );
    outgoing.on('error', () => response.socket?.destroy());
    response.on('close', () => outgoing.destroy());
    outgoing.end(body);
  }

  function fire(fault: ActiveFault, request: http.IncomingMessage, body: Buffer, response: http.ServerResponse): void {
    const { spec } = fault;
    switch (spec.kind) {
      case 'status':
        response.writeHead(spec.status, { 'content-type': 'text/plain', ...spec.headers });
        response.end(spec.body ?? http.STATUS_CODES[spec.status] ?? '');
        return;
      case 'hang':
        // Never answers: the client has to give up on its own (its timeout or abort).
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'malformed-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"d":[{"id":1,"uuid":"x"},{"id":');
        return;
      case 'truncate':
        forward(
          request,
          body,
          (upstreamResponse) => {
            const chunks: Buffer[] = [];
            upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
            upstreamResponse.on('end', () => {
              const full = Buffer.concat(chunks);
              // An empty answer cannot be cut short: announce one byte that never comes.
              const headers = { ...upstreamResponse.headers, 'content-length': String(Math.max(1, full.length)) };
              delete headers['transfer-encoding'];
              response.writeHead(upstreamResponse.statusCode ?? 502, headers);
              response.write(full.subarray(0, Math.min(spec.afterBytes ?? 10, Math.max(0, full.length - 1))));
              setTimeout(() => request.socket.destroy(), 10);
            });
          },
          response,
        );
        return;
      case 'stream-cut':
        forward(
          request,
          body,
          (upstreamResponse) => {
            response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
            let lines = 0;
            let previousByte = 0x0a;
            let cut = false;
            const cutHere = (chunk: Buffer): void => {
              // Half of the next line, then the socket dies: the client sees a line that never ends.
              const lineEnd = chunk.indexOf(0x0a);
              const partial = chunk.subarray(0, Math.max(1, Math.floor((lineEnd < 0 ? chunk.length : lineEnd) / 2)));
              cut = true;
              response.write(partial);
              upstreamResponse.destroy();
              setTimeout(() => request.socket.destroy(), 10);
            };
            upstreamResponse.on('data', (chunk: Buffer) => {
              if (cut) return;
              const wanted = spec.afterLines ?? 1;
              if (lines >= wanted) return cutHere(chunk);
              for (let index = 0; index < chunk.length; index++) {
                const byte = chunk[index];
                const blank = previousByte === 0x0a;
                previousByte = byte ?? 0;
                // Blank heartbeat lines do not count: the cut lands inside a real log line.
                if (byte !== 0x0a || blank) continue;
                lines++;
                if (lines === wanted) {
                  response.write(chunk.subarray(0, index + 1));
                  const rest = chunk.subarray(index + 1);
                  if (rest.length > 0) cutHere(rest);
                  return;
                }
              }
              response.write(chunk);
            });
            upstreamResponse.on('end', () => response.end());
          },
          response,
        );
        return;
    }
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      const fault = faults.find((candidate) => candidate.left > 0 && matches(candidate.spec, method, url));
      if (fault) {
        fault.left--;
        fault.fired++;
        fire(fault, request, body, response);
        return;
      }
      forward(
        request,
        body,
        (upstreamResponse) => {
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(response);
        },
        response,
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    source: 'test proxy',
    add(spec: FaultSpec): FaultHandle {
      const fault: ActiveFault = { spec, left: spec.times ?? 1, fired: 0 };
      faults.push(fault);
      return {
        get fired() {
          return fault.fired;
        },
        remove() {
          fault.left = 0;
        },
      };
    },
    clear() {
      faults.length = 0;
    },
    forwarded,
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
