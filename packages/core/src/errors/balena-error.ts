import { redact, redactCause, redactValue } from './redact.js';

const BRAND_PREFIX = 'balena-ts.error.';

/** Options every balena-ts error accepts. */
export interface BalenaErrorOptions {
  /** The underlying failure (a response error, a network error, a parse error...). */
  cause?: unknown;
}

function brandOf(errorName: string): symbol {
  return Symbol.for(BRAND_PREFIX + errorName);
}

/**
 * The base class of every error balena-ts throws.
 *
 * `name` and `code` equal the class name, the message is redacted (no token, password or API key),
 * and `instanceof` works across two installed copies of `@balena-ts/core` because it checks a
 * `Symbol.for` brand instead of the prototype chain.
 *
 * @example
 * ```ts
 * try { await device.get(client, uuid); } catch (error) {
 *   if (error instanceof DeviceNotFound) console.log(error.code); // 'DeviceNotFound'
 * }
 * ```
 */
export class BalenaError extends Error {
  /** The class name, kept explicitly because minifiers rename classes. */
  static readonly errorName: string = 'BalenaError';
  /** The class name, e.g. `'DeviceNotFound'`. */
  override readonly name: string;
  /** A stable machine-readable code: the class name. */
  readonly code: string;

  /**
   * @param message - a readable message; secrets in it are redacted
   * @param options - `cause`: the underlying failure (an error with a secret in it is kept as a redacted copy)
   */
  constructor(message: string, options?: BalenaErrorOptions) {
    super(redact(message), options && 'cause' in options ? { cause: redactCause(options.cause) } : undefined);
    const errorName = (new.target as typeof BalenaError).errorName;
    this.name = errorName;
    this.code = errorName;
    // Brand every class of the chain so that `instanceof` an intermediate class works as well.
    for (let errorClass: Function = new.target; errorClass !== Error; errorClass = Object.getPrototypeOf(errorClass)) {
      const brandedName = (errorClass as typeof BalenaError).errorName;
      Object.defineProperty(this, brandOf(brandedName), { value: true, enumerable: false });
    }
  }

  /**
   * Brand check instead of a prototype check, so that errors thrown by another copy of core match.
   *
   * @param value - the left-hand side of `instanceof`
   * @returns whether `value` carries this class's brand
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of `instanceof`, a subclass included.
    const errorName = (this as typeof BalenaError).errorName;
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brandOf(errorName)] === true
    );
  }

  /**
   * A JSON-safe, redacted view of the error.
   *
   * @returns `{ name, code, message, ...public fields, cause? }` with every secret redacted
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [field, value] of Object.entries(this)) {
      if (field !== 'name' && field !== 'code') json[field] = redactValue(value);
    }
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }
}

function describeCause(cause: unknown): unknown {
  if (isBalenaError(cause)) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: redact(cause.message) };
  return redactValue(cause);
}

/**
 * Tells whether a value is an error thrown by balena-ts (from any installed copy of core).
 *
 * @param error - any caught value
 * @returns true for instances of {@link BalenaError} and its subclasses
 * @example
 * ```ts
 * catch (error) { if (isBalenaError(error)) console.log(error.code); }
 * ```
 */
export function isBalenaError(error: unknown): error is BalenaError {
  return error instanceof BalenaError;
}
