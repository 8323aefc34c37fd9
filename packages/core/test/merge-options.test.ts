import { describe, expect, it } from 'vitest';
import { buildQuery, InvalidParameter, mergeOptions, type ODataOptions } from '../src/index.js';

// The rules of the balena JavaScript SDK's option merging: selects joined, filters and-ed, expands merged per navigation.
describe('mergeOptions', () => {
  const defaults: ODataOptions = {
    $select: ['id', 'device_name'],
    $filter: { belongs_to__application: 5 },
    $orderby: 'device_name asc',
    $top: 50,
  };

  it('returns the defaults unchanged for an empty or missing caller object', () => {
    expect(mergeOptions(defaults, undefined)).toBe(defaults);
    expect(mergeOptions(defaults, {})).toBe(defaults);
    expect(mergeOptions(undefined, undefined)).toEqual({});
  });

  it('concatenates $select from both sides without duplicates', () => {
    expect(mergeOptions(defaults, { $select: 'uuid,id' }).$select).toEqual(['id', 'device_name', 'uuid']);
    expect(mergeOptions({ $select: 'id' }, { $select: ['note'] }).$select).toEqual(['id', 'note']);
  });

  it("lets a '*' in $select win", () => {
    expect(mergeOptions(defaults, { $select: '*' }).$select).toBe('*');
    expect(mergeOptions({ $select: '*' }, { $select: 'id' }).$select).toBe('*');
  });

  it('takes $select from the caller when the defaults have none', () => {
    expect(mergeOptions({ $top: 1 }, { $select: 'id' })).toEqual({ $top: 1, $select: 'id' });
  });

  it('lets the caller override $top, $skip and $orderby', () => {
    const merged = mergeOptions(defaults, { $top: 5, $skip: 10, $orderby: { id: 'desc' } });
    expect(merged.$top).toBe(5);
    expect(merged.$skip).toBe(10);
    expect(merged.$orderby).toEqual({ id: 'desc' });
  });

  it('joins $filter as { $and: [default, caller] }', () => {
    const merged = mergeOptions(defaults, { $filter: { is_online: true } });
    expect(merged.$filter).toEqual({ $and: [{ belongs_to__application: 5 }, { is_online: true }] });
    expect(buildQuery({ $filter: merged.$filter })).toBe(
      '$filter=(belongs_to__application eq 5) and (is_online eq true)',
    );
    expect(mergeOptions({ $top: 1 }, { $filter: { a: 1 } }).$filter).toEqual({ a: 1 });
  });

  it('merges $expand navigation by navigation, recursively, normalising strings and arrays', () => {
    const merged = mergeOptions(
      { $expand: { belongs_to__application: { $select: 'id', $filter: { a: 1 } }, device_tag: {} } },
      { $expand: { belongs_to__application: { $select: 'app_name', $filter: { b: 2 }, $top: 1 }, image_install: {} } },
    );
    expect(merged.$expand).toEqual({
      belongs_to__application: { $select: ['id', 'app_name'], $filter: { $and: [{ a: 1 }, { b: 2 }] }, $top: 1 },
      device_tag: {},
      image_install: {},
    });
    expect(mergeOptions({ $expand: 'a' }, { $expand: ['b'] }).$expand).toEqual({ a: {}, b: {} });
    expect(mergeOptions({ $expand: 'a,b' }, { $expand: { a: { $select: 'id' } } }).$expand).toEqual({
      a: { $select: 'id' },
      b: {},
    });
  });

  it('does not modify its arguments', () => {
    const left: ODataOptions = { $select: ['id'], $expand: { a: { $select: 'id' } } };
    const right: ODataOptions = { $select: ['name'], $expand: { a: { $select: 'x' } } };
    mergeOptions(left, right);
    expect(left).toEqual({ $select: ['id'], $expand: { a: { $select: 'id' } } });
    expect(right).toEqual({ $select: ['name'], $expand: { a: { $select: 'x' } } });
  });

  it('rejects an unknown caller option', () => {
    expect(() => mergeOptions(defaults, { $search: 'x' } as never)).toThrow(InvalidParameter);
  });
});
