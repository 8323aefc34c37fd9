import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { SandboxContext } from '../context.js';
import type { Actor } from '../domain/actor.js';
import type { SandboxRequest } from '../http/router.js';
import { toApiLine } from './log-line.js';
import { logsOf } from './logs-of.js';
import { listenMqttWebSocket } from './mqtt-websocket.js';

/** The topic a device's lines are published on. */
const TOPIC = /^devices\/([^/+#]+)\/logs$/;
/** MQTT 3.1.1 CONNACK code 4: bad user name or password. */
const BAD_CREDENTIALS = 4;

/** The running broker of one sandbox. */
export interface MqttLogBroker {
  /** 'mqtt://127.0.0.1:<port>' */
  url: string;
  /** 'ws://127.0.0.1:<port>/mqtt': the same broker over WebSocket, for browsers */
  wsUrl: string;
  close(): Promise<void>;
}

/** Who a token stands for, through the same checks as an HTTP request's bearer token. */
function actorOfToken(context: SandboxContext, token: string): Actor {
  // authenticate() reads only the Authorization header and the apikey parameter.
  const request = {
    raw: { headers: { authorization: `Bearer ${token}` } },
    query: new URLSearchParams(),
  } as unknown as SandboxRequest;
  return token === '' ? { kind: 'guest' } : context.authenticate(request);
}

/**
 * An embedded aedes broker on its own 127.0.0.1 port (and over WebSocket on another) that publishes every stored log line, QoS 1,
 * on `devices/<uuid>/logs` (payload: the line's JSON with `seq`). Clients log in with any user
 * name and a user token (JWT or API key) as the password, and may subscribe only to devices that
 * user can see; nobody but the sandbox publishes.
 */
export async function startMqttBroker(context: SandboxContext): Promise<MqttLogBroker> {
  const { store } = context;
  const actors = new WeakMap<Client, Actor>();
  const broker = await Aedes.createBroker({
    authenticate(client, _username, password, done) {
      const actor = actorOfToken(context, password?.toString('utf8') ?? '');
      if (actor.kind !== 'user' || actor.partial) {
        const error = Object.assign(new Error('Bad user name or password'), { returnCode: BAD_CREDENTIALS });
        done(error as AuthenticateError, false);
        return;
      }
      actors.set(client, actor);
      done(null, true);
    },
    authorizePublish(client, _packet, callback) {
      callback(client ? new Error('Only the sandbox publishes') : null);
    },
    authorizeSubscribe(client, subscription, callback) {
      const uuid = TOPIC.exec(subscription.topic)?.[1];
      const actor = actors.get(client);
      const device = uuid ? store.findUnique('device', ['uuid'], [uuid]) : undefined;
      const scope = actor ? context.access(actor).readScope('device') : 'none';
      // A null subscription is refused in the SUBACK (0x80) while the client stays connected.
      callback(null, device && scope !== 'none' && scope(device) ? subscription : null);
    },
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const webSocket = await listenMqttWebSocket(broker);
  const stopPublishing = logsOf(context).subscribeAll((deviceId, line) => {
    const device = store.get('device', deviceId);
    if (!device) return;
    broker.publish(
      {
        cmd: 'publish',
        topic: `devices/${device.uuid}/logs`,
        payload: Buffer.from(JSON.stringify(toApiLine(line, true))),
        qos: 1,
        retain: false,
        dup: false,
      },
      () => {},
    );
  });
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    wsUrl: webSocket.url,
    async close() {
      stopPublishing();
      await webSocket.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await closed;
    },
  };
}
