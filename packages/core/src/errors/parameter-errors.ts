import { BalenaError, type BalenaErrorOptions } from './balena-error.js';

/** An option has a value that is not allowed. */
export class InvalidOption extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'InvalidOption';
  /**
   * @param message - which option and why
   * @param options - `cause`
   */
  constructor(message = 'Invalid option', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** A required option is missing. */
export class MissingOption extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'MissingOption';
  /**
   * @param message - which option
   * @param options - `cause`
   */
  constructor(message = 'Missing option', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

// Error messages are built from whatever a caller passed: a Symbol, a BigInt or an object without a
// prototype must still give a message, never a TypeError while the error is being made.
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  // JSON names NaN, an infinity and an invalid date `null`, which is not what was given.
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return 'Invalid Date';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** A function argument has a value that is not allowed. */
export class InvalidParameter extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'InvalidParameter';
  /** The name of the parameter. */
  readonly parameter: string;
  /** The value that was given. */
  readonly value: unknown;

  /**
   * @param name - the parameter's name
   * @param value - the value that was given
   * @param reason - why it is not valid
   * @param options - `cause`
   */
  constructor(name: string, value: unknown, reason?: string, options?: BalenaErrorOptions) {
    super(
      `Invalid parameter: ${describeValue(value)} is not a valid value for parameter "${describeValue(name)}"${reason ? `: ${describeValue(reason)}` : ''}`,
      options,
    );
    this.parameter = describeValue(name);
    this.value = value;
  }
}

/** balena's Python SDK had this function, but today's balena API offers no equivalent. */
export class NotSupported extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'NotSupported';
  /**
   * @param message - what is not supported, and what to use instead
   * @param options - `cause`
   */
  constructor(message = 'Not supported', options?: BalenaErrorOptions) {
    super(message, options);
  }
}
