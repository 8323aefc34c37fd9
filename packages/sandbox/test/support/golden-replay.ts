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
    if (Array.isArray(value)) return value.map((item) => this.substitute(item));
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
    const response = await fetch(`${this.sandbox.url}${this.substituteText(target)}`, {
      method: request.method,
      headers,
      body,
    });
    const text = await response.text();
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
