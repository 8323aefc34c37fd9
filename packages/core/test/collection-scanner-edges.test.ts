// The incremental "d" scanner at the seams of its pieces (a backslash ending a piece, a backslash at
// the start of one, an empty first key), with every JSON whitespace, and the message of each failure.
import { describe, expect, it } from 'vitest';
import { createCollectionScanner } from '../src/pagination/collection-scanner.js';

function scan(pieces: string[]): unknown[] {
  const scanner = createCollectionScanner();
  const rows = pieces.flatMap((piece) => scanner.push(piece));
  scanner.end();
  return rows;
}

function failure(pieces: string[]): string {
  try {
    scan(pieces);
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return (error as Error).message;
  }
  throw new Error('expected a SyntaxError');
}

describe('collection scanner seams', () => {
  it('reads every JSON whitespace around and between rows', () => {
    expect(scan(['\t\r\n {\t"d"\r:\n[\t{"a":1}\r,\n\t{"b":2}\r\n]\t}\r\n\t '])).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads an escape that a piece ends in the middle of', () => {
    expect(scan(['{"d":[{"k":"a\\', '"b"}]}'])).toEqual([{ k: 'a"b' }]);
    expect(scan(['{"d":[{"k":"a\\', '\\"}]}'])).toEqual([{ k: 'a\\' }]);
    expect(scan(['{"x":"a\\', '"","d":[{"k":1}]}'])).toEqual([{ k: 1 }]);
  });

  it('reads a backslash at the start of a piece and just after it', () => {
    expect(scan(['{"d":[{"k":"', 'a\\"b"}]}'])).toEqual([{ k: 'a"b' }]);
    expect(scan(['{"d":[{"k":"', '\\"b"}]}'])).toEqual([{ k: '"b' }]);
    expect(scan(['{"d":[{"k":"x', '"}, {"j":"a\\\\"}]}'])).toEqual([{ k: 'x' }, { j: 'a\\' }]);
  });

  it('reads an empty first key and keys longer than eight characters split across pieces', () => {
    expect(scan(['{"":0,"d":[{"a":1}]}'])).toEqual([{ a: 1 }]);
    expect(scan(['{"dddddd', 'dddd":[{"x":1}],"d":[{"a":1}]}'])).toEqual([{ a: 1 }]);
    expect(scan(['{"d', '":[{"a":1}]}'])).toEqual([{ a: 1 }]);
  });

  it('takes the rows of "d" only, not of a "d" deeper down', () => {
    expect(scan(['{"m":{"d":[{"no":1}]},"k":"d","x":[{"no":2}],"d":[{"yes":1}]}'])).toEqual([{ yes: 1 }]);
  });

  it.each([
    [['{"d":[1]}'], 'Unexpected character "1" in the "d" array: rows must be objects'],
    [['{"d":["x"]}'], 'Unexpected character "\\"" in the "d" array: rows must be objects'],
    [['{"d":[]} x'], 'Unexpected text after the end of the answer'],
    [['{"d":[]}', '{}'], 'Unexpected text after the end of the answer'],
    [['[{"d":[]}]'], 'The answer is not an object'],
    [['5'], 'The answer is not an object'],
    [['}'], 'Unbalanced brackets in the answer'],
    [['{"d":[{"a":1}'], 'The answer ended before its end (truncated)'],
    [[''], 'The answer ended before its end (truncated)'],
    [['{"x":[1]}'], 'The answer has no "d" array'],
    [['{"d":1}'], 'The answer has no "d" array'],
  ])('refuses %j: %s', (pieces, message) => {
    expect(failure(pieces)).toBe(message);
  });

  it('gives each row as soon as it is complete', () => {
    const scanner = createCollectionScanner();
    expect(scanner.push('{"d":[{"a":1},{"b"')).toEqual([{ a: 1 }]);
    expect(scanner.push(':2}')).toEqual([{ b: 2 }]);
    expect(scanner.push(']}')).toEqual([]);
    scanner.end();
  });
});
