import type { Sandbox } from '../../src/index.js';

/** An answer, with its body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON answers.
  body: any;
}

/** Sends one request to a sandbox with an optional bearer token. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['Content-Type'] = options.contentType ?? 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    text,
    body: parsed,
  };
}

/** `GET /v7/<query>` as a token; spaces and quotes are percent-encoded as the SDKs send them. */
export async function odata(sandbox: Sandbox, query: string, token?: string): Promise<Answer> {
  return call(sandbox, 'GET', `/v7/${query.replace(/ /g, '%20').replace(/'/g, '%27')}`, { token });
}

/** Creates a fleet for a user over HTTP and returns its row. */
export async function createFleet(
  sandbox: Sandbox,
  token: string,
  organization: number,
  name: string,
): Promise<Record<string, unknown> & { id: number }> {
  const answer = await call(sandbox, 'POST', '/v7/application', {
    token,
    body: { app_name: name, organization, is_for__device_type: 1 },
  });
  if (answer.status !== 201) throw new Error(`create fleet: ${answer.status} ${answer.text}`);
  return answer.body;
}
