// The one table of identifiers: values a caller might pass as a device, a row id or a release, and
// whether each kind of identifier accepts them. Core's tests run it against the parsers, the
// bad-input suite against every public function that takes an identifier, so that no package can
// accept what another refuses.

/**
 * The kinds of identifier, each read by one parser: `parseDeviceIdentifier`, `parseRowId` and
 * `parseReleaseIdentifier`.
 */
export type IdentifierKind = 'device' | 'rowId' | 'release';

/**
 * One value and, per kind of identifier, whether it is accepted.
 *
 * @example
 * ```ts
 * for (const { label, value, accepted } of IDENTIFIER_CASES) if (!accepted.rowId) expect(() => parseRowId(value, 'id')).toThrow();
 * ```
 */
export interface IdentifierCase {
  /** A readable name of the value, for test titles. */
  readonly label: string;
  /** The value. */
  readonly value: unknown;
  /** Whether each kind accepts it. */
  readonly accepted: Readonly<Record<IdentifierKind, boolean>>;
}

const HEX = '0123456789abcdef';
function hex(length: number): string {
  return Array.from({ length }, (_, index) => HEX[index % 16]).join('');
}

const none = { device: false, rowId: false, release: false };
// A release argument that is a string is a commit: any non-blank string is accepted.
const commitOnly = { device: false, rowId: false, release: true };
const uuid = { device: true, rowId: false, release: true };
const everyKind = { device: true, rowId: true, release: true };
// Strings of digits are ids for devices and rows (the balena Python SDK's examples pass ids so), commits for releases.
const digitString = everyKind;

/**
 * The table: numbers and strings of digits, 31 to 63 hex characters, uppercase and non-hex uuids,
 * blanks, objects, `null`, `undefined` and other types.
 *
 * @example
 * ```ts
 * import { IDENTIFIER_CASES } from '@balena-ts/core/testing';
 * ```
 */
export const IDENTIFIER_CASES: readonly IdentifierCase[] = [
  { label: '1', value: 1, accepted: everyKind },
  { label: 'MAX_SAFE_INTEGER', value: Number.MAX_SAFE_INTEGER, accepted: everyKind },
  { label: "'12'", value: '12', accepted: digitString },
  { label: '0', value: 0, accepted: none },
  { label: '-1', value: -1, accepted: none },
  { label: '1.5', value: 1.5, accepted: none },
  { label: 'NaN', value: Number.NaN, accepted: none },
  { label: 'Infinity', value: Number.POSITIVE_INFINITY, accepted: none },
  { label: '2 ** 53', value: 2 ** 53, accepted: none },
  { label: "''", value: '', accepted: none },
  { label: "' '", value: ' ', accepted: none },
  { label: "' 12'", value: ' 12', accepted: commitOnly },
  { label: "'012'", value: '012', accepted: commitOnly },
  { label: "'-1'", value: '-1', accepted: commitOnly },
  { label: "'1e3'", value: '1e3', accepted: commitOnly },
  { label: "'9007199254740993' (an unsafe id)", value: '9007199254740993', accepted: commitOnly },
  { label: '31 hex characters', value: hex(31), accepted: commitOnly },
  { label: '32 hex characters', value: hex(32), accepted: uuid },
  { label: '33 hex characters', value: hex(33), accepted: commitOnly },
  { label: '61 hex characters', value: hex(61), accepted: commitOnly },
  { label: '62 hex characters', value: hex(62), accepted: uuid },
  { label: '63 hex characters', value: hex(63), accepted: commitOnly },
  { label: '32 digits (a uuid, not an id)', value: '1'.repeat(32), accepted: uuid },
  { label: '32 uppercase hex characters', value: hex(32).toUpperCase(), accepted: uuid },
  { label: '32 non-hex characters', value: 'g'.repeat(32), accepted: commitOnly },
  { label: '62 non-hex characters', value: 'z'.repeat(62), accepted: commitOnly },
  { label: '32 hex characters and a space', value: `${hex(32)} `, accepted: commitOnly },
  { label: '{}', value: {}, accepted: none },
  { label: '{ id: 1 }', value: { id: 1 }, accepted: none },
  { label: 'null', value: null, accepted: none },
  { label: 'undefined', value: undefined, accepted: none },
  { label: 'true', value: true, accepted: none },
  { label: '12n', value: 12n, accepted: none },
  { label: 'a Symbol', value: Symbol('id'), accepted: none },
  { label: 'a Date', value: new Date(12), accepted: none },
];
