// One interface over the two ways a fault reaches the client: the sandbox's own fault injection
// (`sb.faults.add`, packages/sandbox/src/faults) when it exists, otherwise a fault-injecting proxy
// in front of the sandbox (./fault-proxy.ts). The suite is written against this interface only.
import type { Sandbox } from '@balena-ts/sandbox';
import { startFaultProxy } from './fault-proxy.js';

/** What a fault does. */
export type FaultAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'malformed-json' }
  | { kind: 'truncate'; afterBytes?: number }
  | { kind: 'stream-cut'; afterLines?: number };

/** What a fault matches and what it does; fires `times` times (default 1), then is spent. */
export type FaultSpec = {
  method?: string;
  /** A string matches the path's start; a RegExp is tested against the path (never the query). */
  path: string | RegExp;
  times?: number;
} & FaultAction;

export interface FaultHandle {
  readonly fired: number;
  remove(): void;
}

export interface FaultInjector {
  /** Where clients must send their requests. */
  readonly url: string;
  /** 'sandbox' or 'test proxy': printed with the counts. */
  readonly source: string;
  add(spec: FaultSpec): FaultHandle;
  clear(): void;
  /** Requests that reached the sandbox through the proxy (undefined with the sandbox's faults). */
  readonly forwarded?: readonly { method: string; url: string }[];
  close(): Promise<void>;
}

interface SandboxFaultRegistry {
  add(spec: Record<string, unknown>): { readonly fired: number; remove(): void };
  clear(): void;
}

/** Maps our spec onto the sandbox's (packages/sandbox/src/faults/fault-types.ts). */
function toSandboxSpec(spec: FaultSpec): Record<string, unknown> {
  const match = typeof spec.path === 'string' ? { path: spec.path, match: 'prefix' } : { path: spec.path };
  const common = { method: spec.method, times: spec.times ?? 1, ...match };
  switch (spec.kind) {
    case 'status':
      return { ...common, kind: 'status', status: spec.status, headers: spec.headers, body: spec.body };
    case 'truncate':
      return { ...common, kind: 'truncate', afterBytes: spec.afterBytes ?? 10 };
    case 'stream-cut':
      return { ...common, kind: 'drop-stream', afterLines: spec.afterLines ?? 1 };
    default:
      return { ...common, kind: spec.kind };
  }
}

/**
 * Fault injection for one sandbox. `BALENA_TS_FAULTS=proxy` forces the proxy even when the sandbox
 * has its own registry.
 */
export async function startFaultInjection(sandbox: Sandbox): Promise<FaultInjector> {
  const registry = (sandbox as unknown as { faults?: SandboxFaultRegistry }).faults;
  if (!registry || process.env.BALENA_TS_FAULTS === 'proxy') return startFaultProxy(sandbox.url);
  return {
    url: sandbox.url,
    source: 'sandbox',
    add: (spec) => registry.add(toSandboxSpec(spec)),
    clear: () => registry.clear(),
    close: async () => registry.clear(),
  };
}
