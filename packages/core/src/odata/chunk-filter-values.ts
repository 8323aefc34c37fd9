import type { Client } from '../client/client.js';
import { checkOptionsObject } from '../errors/check-options-object.js';
import { InvalidParameter } from '../errors/parameter-errors.js';
import { checkIdentifier, formatLiteral } from './escape.js';
import { mergeOptions } from './merge.js';
import { buildQuery } from './query.js';
import type { ODataOptions } from './types.js';

/**
 * The longest request URL a chunked request may build. Proxies commonly cap request lines at 8 KB;
 * this leaves room for the method, the protocol and headers counted in the same buffer.
 */
export const MAX_URL_LENGTH = 7_500;

// Characters of a formatted query that fetch still percent-encodes when it sends the URL: the
// quotes of every string literal, and the spaces around `in` and `eq`. Each becomes three.
const ENCODED_WHEN_SENT_PATTERN = /[ "'<>]/g;

function sentLength(text: string): number {
  return text.length + 2 * (text.match(ENCODED_WHEN_SENT_PATTERN)?.length ?? 0);
}

/** What {@link chunkFilterValues} splits. */
export interface ChunkFilterValuesParams<V extends string | number> {
  /** The OData resource the requests go to, e.g. `'device'`. */
  resource: string;
  /** The field the values are matched against, e.g. `'id'` or `'uuid'`. */
  field: string;
  /** The values of the `in (...)` list, in order. */
  values: readonly V[];
  /** The request's other OData options: their length counts against the URL budget. */
  options?: ODataOptions;
}

/**
 * Splits the values of a `$filter=<field> in (...)` into chunks, one request each: at most the
 * client's `requestBatchSize` values per chunk, and a request URL of at most
 * {@link MAX_URL_LENGTH} characters as sent, measured with the query formatting the request will use.
 *
 * @param client - the client (its API URL, version and `requestBatchSize`)
 * @param params - resource, field, values and the request's other options
 * @returns the chunks, in order; none for no values
 * @throws {@link InvalidParameter} when `params` is not an object, the resource or field is not an
 *   identifier, `values` is not an array, or a value is not a string or number
 * @example
 * ```ts
 * for (const ids of chunkFilterValues(client, { resource: 'device', field: 'id', values: deviceIds })) {
 *   await client.pine.patch({ resource: 'device', options: { $filter: { id: { $in: ids } } }, body });
 * }
 * ```
 */
export function chunkFilterValues<V extends string | number>(
  client: Client,
  params: ChunkFilterValuesParams<V>,
): V[][] {
  const { resource, field, values, options } = checkOptionsObject('params', params);
  checkIdentifier(resource as string, 'resource');
  checkIdentifier(field as string, 'field');
  if (!Array.isArray(values)) throw new InvalidParameter('values', values, 'expected an array');
  const first = values[0];
  if (first === undefined) return [];
  const { apiUrl, apiVersion, requestBatchSize } = client.config;
  const lengthOf = (value: V): number => sentLength(formatLiteral(value));
  // The URL with a two-value list, less those two values and their comma: what every chunk costs.
  const probe = buildQuery(mergeOptions(options ?? {}, { $filter: { [field as string]: { $in: [first, first] } } }));
  const fixedLength = sentLength(`${apiUrl}/${apiVersion}/${resource}?${probe}`) - 2 * lengthOf(first) - 1;
  const maxPerChunk = Math.max(1, requestBatchSize);

  const chunks: V[][] = [];
  let chunk: V[] = [];
  let length = fixedLength;
  for (const value of values) {
    const added = lengthOf(value) + (chunk.length > 0 ? 1 : 0);
    if (chunk.length > 0 && (chunk.length >= maxPerChunk || length + added > MAX_URL_LENGTH)) {
      chunks.push(chunk);
      chunk = [];
      length = fixedLength;
    }
    length += lengthOf(value) + (chunk.length > 0 ? 1 : 0);
    chunk.push(value);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
