import { messageError } from '../http/http-error.js';
import type { FaultAction, FaultHandle, FaultInfo, FaultSpec } from './fault-types.js';

const KINDS = new Set(['status', 'delay', 'hang', 'reset', 'truncate', 'malformed-json', 'drop-stream']);

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw messageError(400, `${name} must be a non-negative number`);
  }
  return value;
}

/** Checks a spec (programmatic or posted): 400 with a message when it cannot work. */
export function validateFaultSpec(spec: FaultSpec): void {
  if (!spec || typeof spec !== 'object') throw messageError(400, 'A fault must be an object');
  if (!(spec.path instanceof RegExp) && (typeof spec.path !== 'string' || spec.path === '')) {
    throw messageError(400, 'path is required');
  }
  if (spec.match !== undefined && !['exact', 'prefix', 'regex'].includes(spec.match)) {
    throw messageError(400, "match must be 'exact', 'prefix' or 'regex'");
  }
  if (typeof spec.path === 'string' && spec.match === 'regex') {
    try {
      new RegExp(spec.path);
    } catch {
      throw messageError(400, 'path is not a valid regular expression');
    }
  }
  if (spec.times !== undefined && spec.times !== null && spec.times !== Number.POSITIVE_INFINITY) {
    if (!Number.isInteger(spec.times) || spec.times < 1) throw messageError(400, 'times must be a positive integer');
  }
  if (!KINDS.has(spec.kind)) throw messageError(400, `Unknown fault kind ${String(spec.kind)}`);
  if (spec.kind === 'status' && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)) {
    throw messageError(400, 'status must be an HTTP status code');
  }
  if (spec.kind === 'delay') nonNegative(spec.delayMs, 'delayMs');
  if (spec.kind === 'truncate') nonNegative(spec.afterBytes, 'afterBytes');
  if (spec.kind === 'drop-stream') nonNegative(spec.afterLines, 'afterLines');
}

/** One injected fault: its matcher, its action and its count. */
export class Fault implements FaultHandle {
  readonly id: number;
  readonly action: FaultAction;
  private readonly method: string | null;
  private readonly pattern: RegExp | string;
  private readonly match: 'exact' | 'prefix' | 'regex';
  private readonly times: number;
  private readonly onRemove: (fault: Fault) => void;
  fired = 0;

  constructor(id: number, spec: FaultSpec, onRemove: (fault: Fault) => void) {
    this.id = id;
    this.action = spec;
    this.method = spec.method ? spec.method.toUpperCase() : null;
    this.match = spec.path instanceof RegExp ? 'regex' : (spec.match ?? 'exact');
    this.pattern = spec.path instanceof RegExp || this.match !== 'regex' ? spec.path : new RegExp(spec.path);
    this.times = spec.times === undefined ? 1 : spec.times === null ? Number.POSITIVE_INFINITY : spec.times;
    this.onRemove = onRemove;
  }

  get spent(): boolean {
    return this.fired >= this.times;
  }

  /** Whether the fault applies to a request (not counting it). */
  matches(method: string, path: string): boolean {
    if (this.spent || (this.method !== null && this.method !== method)) return false;
    // A browser's CORS preflight would otherwise use up a fault meant for the request after it.
    if (this.method === null && method === 'OPTIONS') return false;
    if (this.pattern instanceof RegExp) return this.pattern.test(path);
    return this.match === 'prefix' ? path.startsWith(this.pattern) : path === this.pattern;
  }

  remove(): void {
    this.onRemove(this);
  }

  info(): FaultInfo {
    return {
      id: this.id,
      method: this.method,
      path: this.pattern instanceof RegExp ? this.pattern.source : this.pattern,
      match: this.match,
      kind: this.action.kind,
      times: Number.isFinite(this.times) ? this.times : null,
      fired: this.fired,
      spent: this.spent,
    };
  }
}
