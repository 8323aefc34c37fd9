import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Sandbox } from '../../src/index.js';
import { type Bindings, matchValue } from './golden-match.js';

/** One golden record (fields used by the replay). */
export interface GoldenRecord {
  n?: number;
  id?: string;
  seq?: number;
  step?: string;
  request: {
    method: string;
    path: string;
    wirePath?: string;
    auth: 'none' | 'JWT' | 'API key';
    apiKeyKind?: string;
    as?: string;
    contentType?: string;
    body?: unknown;
    bodyFormat?: 'text' | 'form';
  };
  response: { status: number; contentType: string | null; location?: string; bodyFormat: string; body?: unknown };
}

/** How an allow-listed record is compared. */
export type Comparison = 'full' | 'shape' | 'status' | 'skip';

/** The outcome of one record. */
export interface ReplayResult {
  key: string;
  comparison: Comparison;
  problems: string[];
}

export const GOLDEN_PASSWORD = 'golden-superuser-password';

export function readGolden(file: string): GoldenRecord[] {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenRecord);
}

function randomKey(): string {
  return randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 32);
}

function forgedExpiredJwt(): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ id: 1, iat: 1577836800, exp: 1577923200 })}`;
  return `${body}.${createHmac('sha256', 'not-the-server-secret').update(body).digest('base64url')}`;
}

/** Replays records in order against one sandbox, tracking credentials and placeholder bindings. */
export class GoldenReplay {
  readonly bindings: Bindings = new Map();
  private readonly sandbox: Sandbox;
  private readonly captured = new Map<string, unknown>();
  private provisioningKey: string | undefined;
  private deviceKey: string | undefined;
  private jwt: string;
  /** A log stream opened by the previous record, checked after the next one (which may feed it). */
  private pendingStream: (() => Promise<void>) | undefined;

  constructor(sandbox: Sandbox) {
    this.sandbox = sandbox;
    this.jwt = sandbox.superuser.token;
  }

  private substitute(value: unknown, key?: string): unknown {
    if (typeof value === 'string') {
      if (value === '<TIME>')
        return key === 'timestamp' ? Date.now() : new Date(Date.now() + 10 * 60_000).toISOString();
      if (/^<ID:[a-z_]+:\d+>$/.test(value)) return this.bound(value);
      return this.substituteText(value);
    }
    if (Array.isArray(value)) {
      // A recorded request array cut to 5 items: rebuild its length by repeating the last item.
      const marker = /^<TRUNCATED: (\d+) more items>$/.exec(String(value.at(-1)));
      const items = marker ? [...value.slice(0, -1), ...Array(Number(marker[1])).fill(value.at(-2))] : value;
      return items.map((item) => this.substitute(item));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([name, item]) => [this.substituteText(name), this.substitute(item, name)]),
      );
    }
    return value;
  }

  private bound(placeholder: string): unknown {
    if (!this.bindings.has(placeholder)) {
      const fresh = placeholder.startsWith('<UUID') ? randomBytes(16).toString('hex') : 999_999_998;
      this.bindings.set(placeholder, fresh);
    }
    return this.bindings.get(placeholder);
  }

  private substituteText(text: string): string {
    return text
      .replace(/<(UUID:\d+|ID:[a-z_]+:\d+)>/g, (placeholder) => String(this.bound(placeholder)))
      .replace(/<TIME>/g, () => String(Date.now()))
      .replace(/<PASSWORD>/g, GOLDEN_PASSWORD)
      .replace(/<WRONG_PASSWORD>/g, 'definitely-not-the-password');
  }

  private credential(request: GoldenRecord['request']): string | undefined {
    if (request.auth === 'none') return undefined;
    if (request.auth === 'JWT') return request.as?.startsWith('expired') ? forgedExpiredJwt() : this.jwt;
    const as = request.as ?? '';
    const byCase = (id: string, field?: string) => {
      const value = this.captured.get(id);
      return String(field ? (value as Record<string, unknown>)?.[field] : value);
    };
    switch (request.apiKeyKind) {
      case 'user':
        return byCase('api-key-user-full');
      case 'provisioning':
        if (as.includes('golden-alpha')) return byCase('provisioning-key');
        if (as.includes('golden-beta')) return byCase('provisioning-key-no-expiry');
        return this.provisioningKey;
      case 'device':
        if (as.includes('device 2')) return byCase('register-device-2', 'api_key');
        if (as.includes('/api-key/device/')) return byCase('device-key');
        if (as.includes('device 1')) return byCase('register-device', 'api_key');
        return this.deviceKey;
      default:
        return randomKey();
    }
  }

  /** Sends one record and compares the answer. */
  async replay(record: GoldenRecord, key: string, comparison: Comparison): Promise<ReplayResult> {
    const { request, response: expected } = record;
    const target = request.wirePath ?? request.path.replace(/ /g, '%20').replace(/'/g, '%27');
    const headers: Record<string, string> = {};
    const token = this.credential(request);
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['Content-Type'] = request.contentType ?? 'application/json';
      if (request.bodyFormat === 'text') body = String(request.body);
      else if (request.bodyFormat === 'form')
        body = new URLSearchParams(this.substitute(request.body) as Record<string, string>).toString();
      else body = JSON.stringify(this.substitute(request.body));
    }
    const settlePrevious = this.pendingStream;
    this.pendingStream = undefined;
    const controller = new AbortController();
    const response = await fetch(`${this.sandbox.url}${this.substituteText(target)}`, {
      method: request.method,
      headers,
      body,
      signal: controller.signal,
    });
    if (expected.bodyFormat === 'ndjson-stream') {
      const result = this.openStream(record, key, comparison, response, controller);
      await settlePrevious?.();
      return result;
    }
    const text = await response.text();
    await settlePrevious?.();
    const problems: string[] = [];
    if (response.status !== expected.status)
      problems.push(`status ${response.status}, expected ${expected.status}: ${text.slice(0, 200)}`);
    const mediaType = (value: string | null) => value?.split(';')[0]?.trim() ?? null;
    if (mediaType(response.headers.get('content-type')) !== mediaType(expected.contentType)) {
      problems.push(`content-type ${response.headers.get('content-type')}, expected ${expected.contentType}`);
    }
    let parsed: unknown = text;
    try {
      parsed = text === '' ? '' : JSON.parse(text);
    } catch {
      // a text answer
    }
    this.remember(record, key, parsed);
    if (comparison === 'status' || problems.length > 0) return { key, comparison, problems };
    if (expected.location) {
      problems.push(
        ...matchValue(expected.location, response.headers.get('location') ?? '', this.bindings, 'Location'),
      );
    }
    if (expected.bodyFormat === 'empty') {
      if (text !== '') problems.push(`expected an empty body, got ${text.slice(0, 100)}`);
    } else if (expected.bodyFormat !== 'ndjson-stream') {
      problems.push(...matchValue(expected.body, parsed, this.bindings, 'body', comparison === 'shape'));
    }
    return { key, comparison, problems };
  }

  /** Checks a stream's status now and its first lines later (see pendingStream). */
  private openStream(
    record: GoldenRecord,
    key: string,
    comparison: Comparison,
    response: Response,
    controller: AbortController,
  ): ReplayResult {
    const expected = record.response as GoldenRecord['response'] & { firstLines?: unknown[] };
    const result: ReplayResult = { key, comparison, problems: [] };
    if (response.status !== expected.status)
      result.problems.push(`status ${response.status}, expected ${expected.status}`);
    const mediaType = (value: string | null) => value?.split(';')[0]?.trim() ?? null;
    if (mediaType(response.headers.get('content-type')) !== mediaType(expected.contentType)) {
      result.problems.push(`content-type ${response.headers.get('content-type')}, expected ${expected.contentType}`);
    }
    const wanted = expected.firstLines ?? [];
    const lines: unknown[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          const parts = buffered.split('\n');
          buffered = parts.pop() ?? '';
          for (const part of parts) if (part.trim() !== '') lines.push(JSON.parse(part));
          if (lines.length >= wanted.length) break;
        }
      } catch {
        // aborted
      }
    })();
    this.pendingStream = async () => {
      await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 3000))]);
      controller.abort();
      if (comparison === 'full' && result.problems.length === 0) {
        result.problems.push(...matchValue(wanted, lines.slice(0, wanted.length), this.bindings, 'firstLines'));
      }
    };
    return result;
  }

  /** Settles a stream left open by the last record. */
  async finish(): Promise<void> {
    await this.pendingStream?.();
    this.pendingStream = undefined;
  }

  private remember(record: GoldenRecord, key: string, parsed: unknown): void {
    this.captured.set(key, parsed);
    const { request } = record;
    if (request.path === '/login_' && typeof parsed === 'string' && parsed.startsWith('eyJ')) this.jwt = parsed;
    const body = request.body as Record<string, unknown> | undefined;
    if (request.path.startsWith('/api-key/v2') && body?.actorType === 'application' && typeof parsed === 'string')
      this.provisioningKey = parsed;
    if (request.path === '/device/register' && parsed && typeof parsed === 'object') {
      this.deviceKey = String((parsed as Record<string, unknown>).api_key);
    }
  }
}
