import type { RequestOptions } from './types.js';

const ABSOLUTE_URL_PATTERN = /^https?:\/\//i;

/**
 * Builds the URL of a request. The path (with any query it already holds) is kept byte for byte,
 * because balena's OData parser rejects percent-encoded structural characters; only the values of
 * `query` are encoded.
 *
 * @param baseUrl - the base URL, with or without a trailing slash
 * @param path - `/path?query`, or an absolute URL used as it is
 * @param query - extra query parameters; undefined values are left out
 * @returns the absolute URL
 */
export function buildRequestUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  let url = ABSOLUTE_URL_PATTERN.test(path)
    ? path
    : `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  if (pairs.length > 0) url += `${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
  return url;
}
