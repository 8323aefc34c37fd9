// toPageIterable regroups batches of any size into pages of exactly pageSize rows (the last one
// shorter), and paginate/streamCollection refuse bad parameters with the parameter named.
import { describe, expect, it } from 'vitest';
import { createClient, InvalidParameter, paginate, streamCollection } from '../src/index.js';
import { toPageIterable } from '../src/pagination/page-iterable.js';

function fromBatches(batches: number[][]): () => AsyncIterable<number[]> {
  return async function* () {
    for (const batch of batches) yield [...batch];
  };
}

async function pagesOf(batches: number[][], pageSize: number): Promise<number[][]> {
  const pages: number[][] = [];
  for await (const page of toPageIterable(fromBatches(batches), pageSize).pages()) pages.push(page);
  return pages;
}

describe('toPageIterable', () => {
  it.each([
    [
      [[1], [2, 3, 4], [5, 6], [7]],
      [[1, 2, 3], [4, 5, 6], [7]],
    ],
    [
      [[1], [2, 3, 4]],
      [[1, 2, 3], [4]],
    ],
    [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    [[[1, 2, 3]], [[1, 2, 3]]],
    [
      [[1, 2], [3, 4, 5], [6]],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    [
      [[], [1, 2, 3, 4, 5, 6, 7]],
      [[1, 2, 3], [4, 5, 6], [7]],
    ],
    [[[]], []],
    [[], []],
  ])('regroups %j into pages of 3: %j', async (batches, pages) => {
    expect(await pagesOf(batches, 3)).toEqual(pages);
    const iterable = toPageIterable(fromBatches(batches), 3);
    expect(await iterable.toArray()).toEqual(batches.flat());
    const rows: number[] = [];
    for await (const row of iterable) rows.push(row);
    expect(rows).toEqual(batches.flat());
  });
});

describe('collection parameters', () => {
  const client = createClient({ apiUrl: 'http://127.0.0.1:9' });

  it.each([
    [
      'params that are not an object',
      5,
      'params',
      'Invalid parameter: 5 is not a valid value for parameter "params": expected { resource, options?, pageSize?, signal? }',
    ],
    [
      'params that are null',
      null,
      'params',
      'Invalid parameter: null is not a valid value for parameter "params": expected { resource, options?, pageSize?, signal? }',
    ],
    [
      'options that are null',
      { resource: 'device', options: null },
      'options',
      'Invalid parameter: null is not a valid value for parameter "options": OData options are an object',
    ],
    [
      'options that are a string',
      { resource: 'device', options: '$top=1' },
      'options',
      'Invalid parameter: $top=1 is not a valid value for parameter "options": OData options are an object',
    ],
    [
      'a page size of 0',
      { resource: 'device', pageSize: 0 },
      'pageSize',
      'Invalid parameter: 0 is not a valid value for parameter "pageSize": expected a positive integer',
    ],
    [
      'a fractional page size',
      { resource: 'device', pageSize: 1.5 },
      'pageSize',
      'Invalid parameter: 1.5 is not a valid value for parameter "pageSize": expected a positive integer',
    ],
    [
      'a resource that is not an identifier',
      { resource: 'device?$top=1' },
      'resource',
      'Invalid parameter: device?$top=1 is not a valid value for parameter "resource": expected a field name made of letters, digits and underscores',
    ],
  ])('refuses %s', (_label, params, parameter, message) => {
    for (const list of [paginate, streamCollection]) {
      let caught: unknown;
      try {
        list(client, params as never);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidParameter);
      expect((caught as InvalidParameter).parameter).toBe(parameter);
      expect((caught as Error).message).toBe(message);
    }
  });
});
