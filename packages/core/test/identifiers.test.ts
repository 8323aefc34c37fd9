import { describe, expect, it } from 'vitest';
import {
  InvalidParameter,
  isFullUuid,
  isPositiveId,
  parseDeviceIdentifier,
  parseReleaseIdentifier,
  parseRowId,
} from '../src/index.js';
import { IDENTIFIER_CASES, type IdentifierKind } from '../src/testing.js';

const PARSERS: Record<IdentifierKind, (value: unknown, parameterName: string) => unknown> = {
  device: parseDeviceIdentifier,
  rowId: parseRowId,
  release: parseReleaseIdentifier,
};

describe.each(Object.entries(PARSERS))('%s parser', (kind, parse) => {
  it.each(IDENTIFIER_CASES.map((entry) => ({ ...entry, title: entry.label })))('$title', ({ value, accepted }) => {
    if (accepted[kind as IdentifierKind]) {
      expect(() => parse(value, 'x')).not.toThrow();
    } else {
      expect(() => parse(value, 'x')).toThrow(InvalidParameter);
      try {
        parse(value, 'x');
      } catch (error) {
        expect((error as InvalidParameter).parameter).toBe('x');
        expect(Object.is((error as InvalidParameter).value, value)).toBe(true);
      }
    }
  });
});

describe('what the parsers return', () => {
  it('reads ids and strings of digits as numbers, lowercases uuids, keeps commits as given', () => {
    expect(parseRowId('5652', 'id')).toBe(5652);
    expect(parseRowId(5652, 'id')).toBe(5652);
    expect(parseDeviceIdentifier('12', 'uuidOrId')).toBe(12);
    expect(parseDeviceIdentifier('ABCDEF0123456789ABCDEF0123456789', 'uuidOrId')).toBe(
      'abcdef0123456789abcdef0123456789',
    );
    // 32 digits are a uuid, not an id (and would not be a safe integer anyway).
    expect(parseDeviceIdentifier('1'.repeat(32), 'uuidOrId')).toBe('1'.repeat(32));
    expect(parseReleaseIdentifier('12', 'commitOrId')).toBe('12');
    expect(parseReleaseIdentifier(12, 'commitOrId')).toBe(12);
  });

  it('isPositiveId and isFullUuid take numbers and strings only as they are', () => {
    expect([1, Number.MAX_SAFE_INTEGER, 0, -1, 1.5, 2 ** 53, '1'].map(isPositiveId)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['a'.repeat(32), 'A'.repeat(62), 'a'.repeat(31), 'g'.repeat(32), 12].map(isFullUuid)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
