// Every refusal of the OData builders, identifier parsers and error classes, by its whole message:
// the parameter named and the reason given are what a caller reads to fix the call.
import { describe, expect, it } from 'vitest';
import {
  AmbiguousDevice,
  AmbiguousRelease,
  ApplicationMembershipNotFound,
  ApplicationMembershipRoleNotFound,
  ApplicationNotFound,
  buildFilter,
  buildQuery,
  checkOptionsObject,
  chunkFilterValues,
  createClient,
  escapeString,
  formatResourceId,
  ImageNotFound,
  InvalidParameter,
  KeyNotFound,
  mergeOptions,
  OrganizationMembershipNotFound,
  OrganizationMembershipRoleNotFound,
  OrganizationNotFound,
  OsUpdateFailed,
  OsUpdateNotSupported,
  parseDeviceIdentifier,
  parseReleaseIdentifier,
  parseRowId,
  ReleaseAssetAlreadyExists,
  ReleaseAssetNotFound,
  ReleaseNotFound,
  ServiceNotFound,
  TeamApplicationAccessNotFound,
  TeamMembershipNotFound,
  TeamNameTaken,
  TeamNotFound,
} from '../src/index.js';

function refusal(run: () => unknown): { name: string; message: string; parameter?: string } {
  try {
    run();
  } catch (error) {
    const { name, message, parameter } = error as InvalidParameter;
    return parameter === undefined ? { name, message } : { name, message, parameter };
  }
  throw new Error('expected a refusal');
}

describe('formatResourceId', () => {
  it('formats numbers, strings and key objects', () => {
    expect(formatResourceId(5)).toBe('(5)');
    expect(formatResourceId("O'Brien")).toBe("('O''Brien')");
    expect(formatResourceId({ uuid: 'abc', n: 7 })).toBe("(uuid='abc',n=7)");
  });

  it.each([
    ['a fraction', 1.5],
    ['an empty string', ''],
    ['null', null],
    ['an array', [1]],
    ['a boolean', true],
    ['an empty object', {}],
    ['a key field that is a boolean', { active: true }],
    ['a key field with a bad name', { 'bad-name': 1 }],
    ['a key field that is not finite', { n: Number.POSITIVE_INFINITY }],
  ])('refuses %s, naming the parameter "id"', (_label, id) => {
    const error = refusal(() => formatResourceId(id as never));
    expect(error.parameter).toBe('id');
    expect(error).toMatchSnapshot();
  });
});

describe('escapeString', () => {
  it('refuses a lone surrogate, keeping the URI error as the cause', () => {
    let caught: unknown;
    try {
      escapeString('a\uD800b');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidParameter);
    expect((caught as InvalidParameter).parameter).toBe('value');
    expect((caught as Error).message).toBe(
      'Invalid parameter: a\uD800b is not a valid value for parameter "value": the string is not well-formed unicode',
    );
    expect((caught as Error).cause).toBeInstanceOf(URIError);
  });
});

describe('buildFilter', () => {
  it('formats numbers with an exponent, dates and nested paths', () => {
    expect(buildFilter({ n: 1e21, m: 1e-7 })).toBe('(n eq 1e%2B21) and (m eq 1e-7)');
    expect(buildFilter({ at: new Date(0) })).toBe("at eq '1970-01-01T00%3A00%3A00.000Z'");
    expect(buildFilter({ a: { b: { $ne: null } } })).toBe('a/b ne null');
  });

  it.each([
    ['an operator without a field', { $eq: 1 }],
    ['a string function without a field', { $contains: 'x' }],
    ['$in without a field', { $in: [1] }],
    ['$any without a field', { $any: { $alias: 'a', $expr: { a: { id: 1 } } } }],
    ['$count without a field', { $count: 1 }],
    ['$and with a number', { $and: 5 }],
    ['$or with a string', { $or: 'x' }],
    ['$any without $expr', { tags: { $any: { $alias: 't' } } }],
    ['$all without $alias', { tags: { $all: { $expr: {} } } }],
    ['$any that is not an object', { tags: { $any: 'x' } }],
    ['$any with a bad alias', { tags: { $any: { $alias: 'a b', $expr: {} } } }],
    ['a string function given a number', { name: { $contains: 5 } }],
    ['$in given a value', { id: { $in: 5 } }],
    ['an unknown operator', { id: { $like: 'x' } }],
    ['an undefined value', { id: undefined }],
    ['a list without $in', { id: [1, 2] }],
    ['a bad field name', { 'a b': 1 }],
    ['a filter that is a string', 'id eq 1'],
    ['a filter that is null', null],
    ['$not of a number', { $not: 1 }],
    ['NaN', { n: Number.NaN }],
    ['an infinite number', { n: Number.NEGATIVE_INFINITY }],
    ['an invalid date', { at: new Date(Number.NaN) }],
    ['a function', { f: () => 1 }],
  ])('refuses %s, naming its parameter and why', (_label, filter) => {
    expect(refusal(() => buildFilter(filter as never))).toMatchSnapshot();
  });
});

describe('buildQuery', () => {
  it('keeps its fixed order and formats every option', () => {
    expect(
      buildQuery({
        $skip: 2,
        $top: 3,
        $orderby: [' name desc ', { id: 'asc' }, 'a/b'],
        $filter: { id: 1 },
        $expand: {
          tags: { $select: ' id , value ', $expand: 'x' },
          plain: null,
          none: undefined,
          counted: { $count: {} },
        },
        $select: [' id ', '', 'name'],
      } as never),
    ).toBe(
      '$select=id,name&$expand=tags($select=id,value;$expand=x),plain,none,counted/$count&$filter=id eq 1&$orderby=name desc,id asc,a/b&$top=3&$skip=2',
    );
    expect(buildQuery({ $expand: { owner: { $count: { $filter: { id: 1 } } } } })).toBe(
      '$expand=owner/$count($filter=id eq 1)',
    );
    expect(buildQuery({ $select: '*', $expand: ['a', 'b'] })).toBe('$select=*&$expand=a,b');
    expect(buildQuery({ $select: [], $expand: [] })).toBe('');
  });

  it.each([
    ['options that are null', null],
    ['options that are a string', '$top=1'],
    ['an unknown option', { $search: 'x' }],
    ['$count at the top', { $count: {} }],
    ['a $select that is a number', { $select: 5 }],
    ['a $select with a number in it', { $select: ['id', 5] }],
    ['a $select with a bad field', { $select: 'id;drop' }],
    ['an $orderby with a bad direction', { $orderby: 'id sideways' }],
    ['an $orderby object with a bad direction', { $orderby: { id: 'up' } }],
    ['a negative $top', { $top: -1 }],
    ['a fractional $skip', { $skip: 1.5 }],
    ['a $top that is a string', { $top: '1' }],
    ['an $expand that is a number', { $expand: 5 }],
    ['an $expand with a bad navigation', { $expand: { 'a b': {} } }],
    ['an $expand $count with other options', { $expand: { a: { $count: {}, $top: 1 } } }],
    ['a nested unknown option', { $expand: { a: { $search: 'x' } } }],
    ['nested options that are a string', { $expand: { a: 'x' } }],
  ])('refuses %s, naming its parameter and why', (_label, options) => {
    expect(refusal(() => buildQuery(options as never))).toMatchSnapshot();
  });
});

describe('mergeOptions', () => {
  it('merges undefined sides and keeps defaults', () => {
    expect(mergeOptions(undefined, undefined)).toEqual({});
    expect(mergeOptions({ $top: 1 }, undefined)).toEqual({ $top: 1 });
    expect(mergeOptions(undefined, { $top: 2 })).toEqual({ $top: 2 });
    expect(mergeOptions({ $top: 1, $skip: 3 }, { $top: undefined, $skip: 4 })).toEqual({ $top: 1, $skip: 4 });
    expect(mergeOptions({ $top: 1 }, null as never)).toEqual({ $top: 1 });
  });

  it.each([
    ['extra options that are a string', 'x'],
    ['an unknown extra option', { $search: 'x' }],
  ])('refuses %s', (_label, extra) => {
    expect(refusal(() => mergeOptions({ $top: 1 }, extra as never))).toMatchSnapshot();
  });
});

describe('checkOptionsObject', () => {
  it('names the parameter and says an object was expected', () => {
    expect(refusal(() => checkOptionsObject('options', 5 as never))).toMatchSnapshot();
  });
});

describe('identifier parsers', () => {
  it.each([
    ['a device identifier', () => parseDeviceIdentifier('nope', 'uuidOrId')],
    ['a release identifier', () => parseReleaseIdentifier(-1, 'commitOrId')],
    ['a row id', () => parseRowId('1.5', 'id')],
  ])('refuse a bad %s with the reason', (_label, run) => {
    expect(refusal(run)).toMatchSnapshot();
  });
});

describe('the default message of each lookup and access error', () => {
  it.each([
    ApplicationNotFound,
    AmbiguousDevice,
    ReleaseNotFound,
    AmbiguousRelease,
    ImageNotFound,
    KeyNotFound,
    ServiceNotFound,
    OrganizationNotFound,
    OrganizationMembershipNotFound,
    OrganizationMembershipRoleNotFound,
    ApplicationMembershipNotFound,
    ApplicationMembershipRoleNotFound,
    TeamNotFound,
    TeamMembershipNotFound,
    TeamApplicationAccessNotFound,
    TeamNameTaken,
    ReleaseAssetNotFound,
    ReleaseAssetAlreadyExists,
    OsUpdateNotSupported,
    OsUpdateFailed,
  ])('%o', (ErrorClass) => {
    const error = new (ErrorClass as unknown as new (...args: unknown[]) => Error)('x1');
    expect({ name: error.name, message: error.message }).toMatchSnapshot();
    const bare = new (ErrorClass as unknown as new () => Error)();
    expect(bare.message).toMatchSnapshot();
  });
});

describe('chunkFilterValues', () => {
  const client = createClient({ apiUrl: 'https://api.example.com' });
  const disguised = { toString: () => 'device' };

  it.each([
    ['params that are not an object', 5],
    ['a resource that is not an identifier', { resource: 'device?x', field: 'id', values: [1] }],
    ['a resource that only prints as one', { resource: disguised, field: 'id', values: [1] }],
    ['a field that is not an identifier', { resource: 'device', field: 'id)', values: [1] }],
    ['values that are not an array', { resource: 'device', field: 'id', values: 5 }],
  ])('refuses %s, naming its parameter', (_label, params) => {
    expect(refusal(() => chunkFilterValues(client, params as never))).toMatchSnapshot();
  });
});

describe('the value named in an InvalidParameter', () => {
  it('is written as given for numbers JSON cannot hold, and an invalid date', () => {
    expect(new InvalidParameter('n', Number.NaN).message).toBe(
      'Invalid parameter: NaN is not a valid value for parameter "n"',
    );
    expect(new InvalidParameter('n', Number.POSITIVE_INFINITY, 'why').message).toBe(
      'Invalid parameter: Infinity is not a valid value for parameter "n": why',
    );
    expect(new InvalidParameter('at', new Date(Number.NaN)).message).toBe(
      'Invalid parameter: Invalid Date is not a valid value for parameter "at"',
    );
    expect(new InvalidParameter('at', new Date(0)).message).toBe(
      'Invalid parameter: "1970-01-01T00:00:00.000Z" is not a valid value for parameter "at"',
    );
    expect(new InvalidParameter('id', 12).message).toBe(
      'Invalid parameter: 12 is not a valid value for parameter "id"',
    );
  });
});
