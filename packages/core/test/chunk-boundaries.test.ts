// chunkFilterValues at its limits: each chunk's URL, as fetch sends it (WHATWG URL serialisation),
// fits MAX_URL_LENGTH, and the chunk could not take the next value without passing it.
import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  chunkFilterValues,
  createClient,
  MAX_URL_LENGTH,
  mergeOptions,
  type ODataOptions,
} from '../src/index.js';

const API_URL = 'https://api.example.com';

function sentUrl(values: readonly (string | number)[], options: ODataOptions = {}): string {
  const query = buildQuery(mergeOptions(options, { $filter: { id: { $in: [...values] } } }));
  return new URL(`${API_URL}/v7/device?${query}`).href;
}

function checkChunks(values: (string | number)[], options?: ODataOptions): (string | number)[][] {
  const client = createClient({ apiUrl: API_URL, requestBatchSize: 100_000 });
  const chunks = chunkFilterValues(client, {
    resource: 'device',
    field: 'id',
    values,
    ...(options ? { options } : {}),
  });
  expect(chunks.flat()).toEqual(values);
  chunks.forEach((chunk, index) => {
    expect(sentUrl(chunk, options).length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    const next = chunks[index + 1]?.[0];
    if (next !== undefined) expect(sentUrl([...chunk, next], options).length).toBeGreaterThan(MAX_URL_LENGTH);
  });
  return chunks;
}

describe('chunkFilterValues at MAX_URL_LENGTH', () => {
  it('fills each chunk of numbers of every length up to the limit, and no further', () => {
    const values = Array.from({ length: 4_000 }, (_, index) => (index * 7_919) % 100_003);
    expect(checkChunks(values).length).toBeGreaterThan(2);
  });

  it('counts the quotes of strings as fetch encodes them', () => {
    const values = Array.from({ length: 900 }, (_, index) => `value-${index}-${'x'.repeat(index % 13)}`);
    expect(checkChunks(values).length).toBeGreaterThan(2);
  });

  it('counts the other options of the request', () => {
    const options: ODataOptions = { $select: Array.from({ length: 300 }, (_, index) => `field_${index}`) };
    const values = Array.from({ length: 3_000 }, (_, index) => index + 1);
    const chunks = checkChunks(values, options);
    const without = checkChunks(values);
    expect(chunks.length).toBeGreaterThan(without.length);
  });

  it('makes one chunk of a single value, and of values that just fit', () => {
    expect(checkChunks([12345])).toEqual([[12345]]);
    expect(checkChunks([1, 2, 3])).toEqual([[1, 2, 3]]);
  });

  it('puts a value too long for any URL in a chunk of its own', () => {
    const long = 'x'.repeat(MAX_URL_LENGTH);
    const client = createClient({ apiUrl: API_URL });
    expect(chunkFilterValues(client, { resource: 'device', field: 'uuid', values: ['a', long, 'b'] })).toEqual([
      ['a'],
      [long],
      ['b'],
    ]);
    expect(chunkFilterValues(client, { resource: 'device', field: 'uuid', values: [long, 'a'] })).toEqual([
      [long],
      ['a'],
    ]);
  });

  it('makes no chunk of no values', () => {
    const client = createClient({ apiUrl: API_URL });
    expect(chunkFilterValues(client, { resource: 'device', field: 'id', values: [] })).toEqual([]);
  });
});
