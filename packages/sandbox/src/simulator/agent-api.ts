import type { SandboxContext } from '../context.js';

/** Marks the simulator's own requests, which fault injection leaves alone (ARCHITECTURE.md). */
export const SIMULATOR_HEADER = 'x-sandbox-simulator';

/** A device's HTTP calls to the sandbox API, made with its device key as a real supervisor does. */
export class AgentApi {
  private readonly context: SandboxContext;
  private readonly deviceKey: string;

  constructor(context: SandboxContext, deviceKey: string) {
    this.context = context;
    this.deviceKey = deviceKey;
  }

  /** Sends a request; resolves to the parsed JSON body, or undefined for an empty or failed answer. */
  async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.deviceKey}`,
      [SIMULATOR_HEADER]: '1',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.context.url}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }
}
