import { BalenaError, type BalenaErrorOptions } from '@balena-ts/core';

/** One target of a batch write that failed, with the reason. */
export interface WriteFailure<T> {
  /** The target as the caller gave it (e.g. a device id or uuid). */
  readonly target: T;
  /** Why it was not written (a RequestError, a NetworkError, the abort reason...). */
  readonly error: unknown;
}

const LISTED_TARGETS = 5;

/**
 * A batch write reached some of its targets but not all: `written` lists the ones that hold the new
 * value, `notWritten` the ones that do not (retry those), `failures` the reason for each failed one.
 *
 * @example
 * ```ts
 * try {
 *   await setForDevices(client, uuids, 'MODE', 'eco');
 * } catch (error) {
 *   if (error instanceof PartialWriteError) await setForDevices(client, error.notWritten, 'MODE', 'eco');
 * }
 * ```
 */
export class PartialWriteError<T = string | number> extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'PartialWriteError';
  /** The targets that were written. */
  readonly written: readonly T[];
  /** The targets that were not written: the failed ones and any that were never tried. */
  readonly notWritten: readonly T[];
  /** The failed targets with their errors (targets never tried after an abort are in `notWritten` only). */
  readonly failures: readonly WriteFailure<T>[];

  /**
   * @param what - what was being written, e.g. `'device_environment_variable MODE'`
   * @param written - the targets written
   * @param notWritten - the targets not written
   * @param failures - the failures with their errors
   * @param options - `cause`: the first failure's error by default
   */
  constructor(
    what: string,
    written: readonly T[],
    notWritten: readonly T[],
    failures: readonly WriteFailure<T>[],
    options?: BalenaErrorOptions,
  ) {
    const listed = notWritten.slice(0, LISTED_TARGETS).join(', ');
    const more = notWritten.length > LISTED_TARGETS ? ` and ${notWritten.length - LISTED_TARGETS} more` : '';
    super(
      `Wrote ${what} on ${written.length} of ${written.length + notWritten.length} targets; not written: ${listed}${more}`,
      options ?? { cause: failures[0]?.error },
    );
    this.written = written;
    this.notWritten = notWritten;
    this.failures = failures;
  }
}
