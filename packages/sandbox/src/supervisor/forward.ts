import type { DeviceAgent } from '../simulator/device-agent.js';
import type { DeviceSimulator } from '../simulator/device-simulator.js';

/** One supervisor's answer, as the proxy relays it. */
export interface SupervisorReply {
  status: number;
  contentType: string | undefined;
  text: string;
  /** The parsed JSON body, or the text (207 entries). */
  body: unknown;
}

/** A connected device nobody simulates cannot be reached, as a real proxy times out on it. */
const UNREACHABLE: SupervisorReply = {
  status: 504,
  contentType: 'application/json; charset=utf-8',
  text: JSON.stringify('Device supervisor did not answer'),
  body: 'Device supervisor did not answer',
};

/**
 * Sends one call to a device's supervisor over HTTP (the shared local supervisor server, keyed by
 * the device's supervisor API key, as balena's proxy adds `?apikey=`).
 */
export async function forwardToSupervisor(
  agent: DeviceAgent | undefined,
  simulator: DeviceSimulator,
  call: { method: string; path: string; data: unknown },
): Promise<SupervisorReply> {
  if (!agent) return UNREACHABLE;
  const url = `${await simulator.supervisorUrl()}${call.path}?apikey=${encodeURIComponent(agent.supervisorApiKey)}`;
  const hasBody = call.method !== 'GET' && call.method !== 'HEAD';
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      headers: hasBody ? { 'Content-Type': 'application/json' } : {},
      body: hasBody ? JSON.stringify(call.data ?? {}) : null,
    });
  } catch {
    return UNREACHABLE;
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? undefined;
  let body: unknown = text;
  if (contentType?.includes('json') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, contentType, text, body };
}
