// The incremental reader of `{"d":[...]}` answers: same rows as JSON.parse of the whole answer,
// however the bytes are split, and a typed failure (SyntaxError here) for anything malformed.
import { describe, expect, it } from 'vitest';
import { createCollectionScanner } from '../src/pagination/collection-scanner.js';

const TRICKY_ROWS = [
  { id: 1, name: 'plain' },
  { id: 2, name: 'quote " and backslash \\ and \\" both', note: '}]{[', nested: { d: [1, { e: '"}' }] } },
  { id: 3, name: 'multi-byte: é ü 中文 🚀🚀 \u2028 \u0000', list: [[], {}, [[{}]]] },
  {},
  { id: 5, escapes: '\\\\\\"\\u005c', empty: '', flag: true, none: null, number: -1.5e3 },
];

/** A small deterministic PRNG, so that a failing split can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Feeds the bytes of `text` to a scanner in pieces cut at `cuts`, through a streaming TextDecoder. */
function scan(text: string, cuts: number[]): unknown[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const scanner = createCollectionScanner();
  const rows: unknown[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    rows.push(...scanner.push(decoder.decode(bytes.subarray(start, cut), { stream: true })));
    start = cut;
  }
  rows.push(...scanner.push(decoder.decode()));
  scanner.end();
  return rows;
}

describe('collection scanner', () => {
  const answer = JSON.stringify({ before: { d: ['not these'] }, x: 'd', d: TRICKY_ROWS, after: [1, '"]'] });

  it('yields the rows of "d" as JSON.parse would, in one piece', () => {
    expect(scan(answer, [])).toEqual(TRICKY_ROWS);
    expect(scan('{"d":[]}', [])).toEqual([]);
    expect(scan(' \n{ "d" : [ { "id" : 1 } ,\n { "id" : 2 } ] }\n', [])).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('gives the same rows for every single cut position (strings, escapes, multi-byte characters)', () => {
    const length = new TextEncoder().encode(answer).length;
    for (let cut = 0; cut <= length; cut += 1) expect(scan(answer, [cut])).toEqual(TRICKY_ROWS);
  });

  it('gives the same rows for 500 random splits into many pieces', () => {
    const next = random(42);
    const big = JSON.stringify({
      d: Array.from({ length: 40 }, (_, index) => ({ ...TRICKY_ROWS[index % 5], n: index })),
    });
    const expected = (JSON.parse(big) as { d: unknown[] }).d;
    const length = new TextEncoder().encode(big).length;
    for (let round = 0; round < 500; round += 1) {
      const cuts: number[] = [];
      for (let at = Math.floor(next() * 8); at < length; at += 1 + Math.floor(next() * 64)) cuts.push(at);
      expect(scan(big, cuts)).toEqual(expected);
    }
  });

  it('hands rows over as soon as they are complete', () => {
    const scanner = createCollectionScanner();
    expect(scanner.push('{"d":[{"id":1},{"id"')).toEqual([{ id: 1 }]);
    expect(scanner.push(':2}')).toEqual([{ id: 2 }]);
    expect(scanner.push(']}')).toEqual([]);
    scanner.end();
  });

  it.each([
    ['a truncated answer', '{"d":[{"id":1},{"id":'],
    ['an answer cut inside a string', '{"d":[{"id":"ab'],
    ['an answer cut after the array', '{"d":[{"id":1}]'],
    ['an answer without "d"', '{"value":[{"id":1}]}'],
    ['an empty answer', ''],
  ])('fails at the end for %s', (_name, text) => {
    const scanner = createCollectionScanner();
    scanner.push(text);
    expect(() => scanner.end()).toThrow(SyntaxError);
  });

  it.each([
    ['rows that are not objects', '{"d":[1,2]}'],
    ['a row that is not JSON', '{"d":[{"id":}]}'],
    ['an answer that is an array', '[{"id":1}]'],
    ['text after the answer', '{"d":[]} x'],
    ['HTML', '<html>oops</html>'],
  ])('fails while scanning %s', (_name, text) => {
    expect(() => scan(text, [])).toThrow(SyntaxError);
  });

  it('fails on every truncation of a valid answer, never returning a short list as complete', () => {
    const length = answer.length;
    for (let end = 0; end < length - 1; end += 1) {
      expect(() => scan(answer.slice(0, end), [])).toThrow(SyntaxError);
    }
  });
});
