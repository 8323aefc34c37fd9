import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';

/** The path browsers' MQTT clients (mqtt.js) connect to by convention. */
export const MQTT_WEBSOCKET_PATH = '/mqtt';

/** A listening WebSocket endpoint of the broker. */
export interface MqttWebSocketListener {
  /** 'ws://127.0.0.1:<port>/mqtt' */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the broker over WebSocket on its own 127.0.0.1 port, so browser pages (which cannot open
 * TCP sockets) can subscribe to device logs with mqtt.js. Same broker, same login and topics.
 */
export async function listenMqttWebSocket(broker: Aedes): Promise<MqttWebSocketListener> {
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('MQTT over WebSocket: connect with ws:// to /mqtt');
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const webSockets = new WebSocketServer({ server, path: MQTT_WEBSOCKET_PATH });
  webSockets.on('connection', (webSocket, request: IncomingMessage) => {
    const stream = createWebSocketStream(webSocket);
    // A client that vanishes mid-frame must not take the sandbox down.
    stream.on('error', () => stream.destroy());
    broker.handle(stream, request);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}${MQTT_WEBSOCKET_PATH}`,
    async close() {
      for (const client of webSockets.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
