import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { DeviceAgent } from './device-agent.js';
import type { SupervisorAnswer } from './supervisor-actions.js';
import { answerSupervisorCall } from './supervisor-actions.js';

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, answer: SupervisorAnswer): void {
  if (answer.text !== undefined) {
    response.writeHead(answer.status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(answer.text),
    });
    response.end(answer.text);
  } else if (answer.body !== undefined) {
    const json = JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    });
    response.end(json);
  } else {
    response.writeHead(answer.status, { 'Content-Length': 0 });
    response.end();
  }
}

/**
 * The one local supervisor HTTP server every simulated device shares, on 127.0.0.1. It tells
 * devices apart by their supervisor API key (`?apikey=` or `Authorization: Bearer`), as each real
 * device has its own supervisor and key.
 */
export class LocalSupervisorServer {
  readonly url: string;
  private readonly server: Server;
  private readonly sockets: Set<Socket>;

  private constructor(server: Server, sockets: Set<Socket>) {
    this.server = server;
    this.sockets = sockets;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Listens on a free port; `agentOfKey` finds the device a key belongs to. */
  static async start(
    agentOfKey: (key: string) => DeviceAgent | undefined,
    deviceRow: (id: number) => Record<string, unknown> | undefined,
  ): Promise<LocalSupervisorServer> {
    const sockets = new Set<Socket>();
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const header = request.headers.authorization;
      const key = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : url.searchParams.get('apikey');
      const agent = key ? agentOfKey(key) : undefined;
      const method = (request.method ?? 'GET').toUpperCase();
      if (!agent) {
        request.resume();
        send(
          response,
          method === 'GET' && url.pathname === '/ping'
            ? { status: 200, text: 'OK' }
            : { status: 401, text: 'Unauthorized' },
        );
        return;
      }
      // A device that is off or rebooting does not answer at all.
      if (agent.power !== 'online') {
        request.socket.destroy();
        return;
      }
      readJson(request)
        .then((body) => answerSupervisorCall(agent, method, url.pathname, body, deviceRow(agent.id)))
        .then((answer) => {
          send(response, answer);
          if (answer.afterwards) response.once('finish', () => void answer.afterwards!().catch(() => {}));
        })
        .catch(() => send(response, { status: 500, text: 'Internal Server Error' }));
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.unref();
    return new LocalSupervisorServer(server, sockets);
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
