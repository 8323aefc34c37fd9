import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFilter,
  buildQuery,
  createClient,
  escapeString,
  formatResourceId,
  InvalidParameter,
  type ODataOptions,
} from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

// Each hostile string with its escaped literal, written out by hand: the test fails if escaping
// changes, rather than re-deriving the expectation with the code under test.
const HOSTILE: readonly [string, string][] = [
  ["O'Brien) or (1 eq 1", "'O''Brien)%20or%20(1%20eq%201'"],
  ["'", "''''"],
  ["''", "''''''"],
  ['%27', "'%2527'"],
  ['&$filter=', "'%26%24filter%3D'"],
  ['#', "'%23'"],
  ['\u0000', "'%00'"],
  ['ünï 🔑', "'%C3%BCn%C3%AF%20%F0%9F%94%91'"],
  [') or true or (', "')%20or%20true%20or%20('"],
  ['/', "'%2F'"],
  ['$select=*', "'%24select%3D*'"],
];

describe('OData injection: hostile strings in every filter position', () => {
  for (const [hostile, escaped] of HOSTILE) {
    describe(JSON.stringify(hostile), () => {
      it('escapeString', () => {
        expect(escapeString(hostile)).toBe(escaped);
      });
      it('eq value', () => {
        expect(buildFilter({ device_name: hostile })).toBe(`device_name eq ${escaped}`);
      });
      it('ne value and comparison operators', () => {
        expect(buildFilter({ device_name: { $ne: hostile } })).toBe(`device_name ne ${escaped}`);
        expect(buildFilter({ device_name: { $gt: hostile } })).toBe(`device_name gt ${escaped}`);
      });
      it('in list', () => {
        expect(buildFilter({ uuid: { $in: [hostile, 'plain'] } })).toBe(`uuid in (${escaped},'plain')`);
      });
      it('startswith', () => {
        expect(buildFilter({ device_name: { $startswith: hostile } })).toBe(`startswith(device_name,${escaped})`);
      });
      it('contains', () => {
        expect(buildFilter({ device_name: { $contains: hostile } })).toBe(`contains(device_name,${escaped})`);
      });
      it('inside $any', () => {
        expect(buildFilter({ device_tag: { $any: { $alias: 'dt', $expr: { dt: { tag_key: hostile } } } } })).toBe(
          `device_tag/any(dt:dt/tag_key eq ${escaped})`,
        );
      });
      it("inside $expand's $filter", () => {
        const options: ODataOptions = { $expand: { owns__device: { $filter: { device_name: hostile } } } };
        expect(buildQuery(options)).toBe(`$expand=owns__device($filter=device_name eq ${escaped})`);
      });
      it('alternate-key id', () => {
        expect(formatResourceId({ uuid: hostile })).toBe(`(uuid=${escaped})`);
        expect(formatResourceId(hostile)).toBe(`(${escaped})`);
      });
    });
  }

  it('rejects a string that is not well-formed unicode instead of sending it', () => {
    expect(() => escapeString('\uD800')).toThrow(InvalidParameter);
    expect(() => buildFilter({ device_name: 'a\uDC00b' })).toThrow(InvalidParameter);
  });

  it('rejects hostile field names, aliases, select, orderby and expand names', () => {
    expect(() => buildFilter({ "name eq 'x') or (1 eq 1": 1 })).toThrow(InvalidParameter);
    expect(() => buildFilter({ 'a/b': 1 })).toThrow(InvalidParameter);
    expect(() => buildFilter({ $raw: 'anything' } as never)).toThrow(InvalidParameter);
    expect(() => buildFilter({ tag: { $any: { $alias: 'x:1 eq 1) or (', $expr: {} } } })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $select: 'id,(x)' })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $select: ['id&$filter=1'] })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $orderby: 'name asc;drop' })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $orderby: { name: 'asc);(' as 'asc' } })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $expand: 'owns__device($filter=1 eq 1)' })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $expand: { 'a,b': {} } })).toThrow(InvalidParameter);
    expect(() => formatResourceId({ 'uuid=1,x': 'y' })).toThrow(InvalidParameter);
  });

  it('rejects values that are not strings, finite numbers, booleans, null or dates', () => {
    expect(() => buildFilter({ id: Number.NaN })).toThrow(InvalidParameter);
    expect(() => buildFilter({ id: Number.POSITIVE_INFINITY })).toThrow(InvalidParameter);
    expect(() => buildFilter({ id: { $in: [{ toString: () => '1) or (1 eq 1' }] } } as never)).toThrow(
      InvalidParameter,
    );
    expect(() => buildFilter({ id: undefined })).toThrow(InvalidParameter);
    expect(() => buildFilter({ created_at: new Date(Number.NaN) })).toThrow(InvalidParameter);
  });
});

describe('OData injection: what the server receives', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { d: [] }));
  });
  afterAll(() => server.close());

  it('keeps a hostile value inside its literal in the URL on the wire', async () => {
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const hostile = "O'Brien) or (1 eq 1&$top=1#x";
    await client.pine.get({ resource: 'device', options: { $filter: { device_name: hostile }, $select: 'id' } });
    await client.pine.get({ resource: 'device', id: { uuid: hostile } });
    const [list, byKey] = server.requests;
    // The URL parser turns spaces into %20 and, in the query, quotes into %27: both decode back to the
    // literal on the server, while every character that could end it stays escaped.
    expect(list?.url).toBe(
      '/v7/device?$select=id&$filter=device_name%20eq%20%27O%27%27Brien)%20or%20(1%20eq%201%26%24top%3D1%23x%27',
    );
    expect(byKey?.url).toBe("/v7/device(uuid='O''Brien)%20or%20(1%20eq%201%26%24top%3D1%23x')");
  });
});
