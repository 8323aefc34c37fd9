import { describe, expect, it } from 'vitest';
import { buildFilter, buildQuery, formatResourceId, InvalidParameter, mergeOptions } from '../src/index.js';

describe('buildFilter grammar', () => {
  it('turns fields into eq clauses, several into a parenthesised and', () => {
    expect(buildFilter({ device_name: 'x' })).toBe("device_name eq 'x'");
    expect(buildFilter({ a: 1, b: 2 })).toBe('(a eq 1) and (b eq 2)');
    expect(buildFilter({ note: null })).toBe('note eq null');
    expect(buildFilter({ is_online: false })).toBe('is_online eq false');
    expect(buildFilter({ created_at: new Date('2030-01-01T00:00:00.000Z') })).toBe(
      "created_at eq '2030-01-01T00%3A00%3A00.000Z'",
    );
  });

  it('knows every comparison operator and $in', () => {
    expect(buildFilter({ x: { $eq: 1 } })).toBe('x eq 1');
    expect(buildFilter({ x: { $ne: null } })).toBe('x ne null');
    expect(buildFilter({ x: { $gt: 1, $lt: 5 } })).toBe('(x gt 1) and (x lt 5)');
    expect(buildFilter({ x: { $ge: -1.5 } })).toBe('x ge -1.5');
    expect(buildFilter({ x: { $le: 0 } })).toBe('x le 0');
    expect(buildFilter({ id: { $in: [1, 2] } })).toBe('id in (1,2)');
    expect(buildFilter({ id: { $in: [] } })).toBe('0 eq 1');
  });

  it('joins $and and $or given as arrays or objects, and negates with $not', () => {
    expect(buildFilter({ $or: [{ a: 1 }, { b: 2 }] })).toBe('(a eq 1) or (b eq 2)');
    expect(buildFilter({ $or: { a: 1, b: 2 } })).toBe('(a eq 1) or (b eq 2)');
    expect(buildFilter({ $and: [{ a: 1 }, { $or: [{ b: 2 }, { c: 3 }] }] })).toBe(
      '(a eq 1) and ((b eq 2) or (c eq 3))',
    );
    expect(buildFilter({ $not: { a: 1 } })).toBe('not(a eq 1)');
    expect(buildFilter({ x: 1, $not: { $or: [{ a: 1 }, { b: 2 }] } })).toBe('(x eq 1) and (not((a eq 1) or (b eq 2)))');
    expect(buildFilter({ $and: [] })).toBe('1 eq 1');
    expect(buildFilter({ $or: [] })).toBe('0 eq 1');
  });

  it('writes string functions with the field first', () => {
    expect(buildFilter({ name: { $startswith: 'x' } })).toBe("startswith(name,'x')");
    expect(buildFilter({ name: { $endswith: 'x' } })).toBe("endswith(name,'x')");
    expect(buildFilter({ name: { $contains: 'x' } })).toBe("contains(name,'x')");
  });

  it('writes navigation paths, lambdas and counts', () => {
    expect(buildFilter({ belongs_to__application: { organization: { handle: 'admin' } } })).toBe(
      "belongs_to__application/organization/handle eq 'admin'",
    );
    expect(buildFilter({ device: { $any: { $alias: 'd', $expr: { d: { belongs_to__application: 5 } } } } })).toBe(
      'device/any(d:d/belongs_to__application eq 5)',
    );
    expect(buildFilter({ device: { $all: { $alias: 'd', $expr: { d: { is_online: true } } } } })).toBe(
      'device/all(d:d/is_online eq true)',
    );
    expect(buildFilter({ is_directly_accessible_by__user: { $any: { $alias: 'dau', $expr: {} } } })).toBe(
      'is_directly_accessible_by__user/any(dau:1 eq 1)',
    );
    expect(buildFilter({ owns__device: { $count: 0 } })).toBe('owns__device/$count eq 0');
    expect(buildFilter({ owns__device: { $count: { $gt: 2 } } })).toBe('owns__device/$count gt 2');
  });

  it('rejects operators without a field, unknown operators and arrays without $in', () => {
    expect(() => buildFilter({ $eq: 1 })).toThrow(InvalidParameter);
    expect(() => buildFilter({ x: { $like: 'a' } } as never)).toThrow(InvalidParameter);
    expect(() => buildFilter({ x: [1, 2] } as never)).toThrow(/use \{ \$in/);
    expect(() => buildFilter({ x: { $in: 5 } } as never)).toThrow(InvalidParameter);
    expect(() => buildFilter({ x: { $startswith: 5 } } as never)).toThrow(InvalidParameter);
    expect(() => buildFilter({ x: { $any: { $expr: {} } } } as never)).toThrow(InvalidParameter);
    expect(() => buildFilter('x eq 1' as never)).toThrow(InvalidParameter);
  });
});

describe('buildQuery', () => {
  it('writes options in a fixed order whatever the key order', () => {
    expect(
      buildQuery({
        $skip: 20,
        $top: 10,
        $orderby: 'device_name asc',
        $filter: { is_online: true },
        $expand: 'belongs_to__application',
        $select: ['id', 'device_name'],
      }),
    ).toBe(
      '$select=id,device_name&$expand=belongs_to__application&$filter=is_online eq true&$orderby=device_name asc&$top=10&$skip=20',
    );
  });

  it('nests $expand options with ; and expands several navigations', () => {
    expect(
      buildQuery({
        $expand: {
          belongs_to__application: {
            $select: 'id,app_name',
            $expand: { organization: { $select: 'handle' } },
          },
          device_tag: { $filter: { tag_key: 'k' }, $orderby: { tag_key: 'asc' }, $top: 5 },
          owns__device: { $count: { $filter: { is_online: true } } },
          is_running__release: {},
        },
      }),
    ).toBe(
      "$expand=belongs_to__application($select=id,app_name;$expand=organization($select=handle)),device_tag($filter=tag_key eq 'k';$orderby=tag_key asc;$top=5),owns__device/$count($filter=is_online eq true),is_running__release",
    );
    expect(buildQuery({ $expand: ['a', 'b'] })).toBe('$expand=a,b');
    expect(buildQuery({ $expand: { owns__device: { $count: {} } } })).toBe('$expand=owns__device/$count');
  });

  it('accepts every $orderby form', () => {
    expect(buildQuery({ $orderby: 'name' })).toBe('$orderby=name');
    expect(buildQuery({ $orderby: 'name asc,id desc' })).toBe('$orderby=name asc,id desc');
    expect(buildQuery({ $orderby: ['name asc', 'id desc'] })).toBe('$orderby=name asc,id desc');
    expect(buildQuery({ $orderby: { name: 'desc' } })).toBe('$orderby=name desc');
    expect(buildQuery({ $orderby: [{ name: 'asc' }, { id: 'desc' }] })).toBe('$orderby=name asc,id desc');
    expect(buildQuery({ $orderby: 'belongs_to__application/app_name asc' })).toBe(
      '$orderby=belongs_to__application/app_name asc',
    );
  });

  it("accepts '*' in $select and leaves out empty options", () => {
    expect(buildQuery({ $select: '*' })).toBe('$select=*');
    expect(buildQuery({})).toBe('');
    expect(buildQuery({ $select: [], $expand: {} })).toBe('');
  });

  it('rejects unknown options, a top-level $count, bad $top/$skip and $count mixed with options', () => {
    expect(() => buildQuery({ filter: { a: 1 } } as never)).toThrow(InvalidParameter);
    expect(() => buildQuery({ $count: {} })).toThrow(/only allowed inside \$expand/);
    expect(() => buildQuery({ $top: -1 })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $skip: 1.5 })).toThrow(InvalidParameter);
    expect(() => buildQuery({ $expand: { a: { $count: {}, $select: 'id' } } })).toThrow(InvalidParameter);
  });
});

describe('formatResourceId', () => {
  it('formats numeric, string and alternate keys', () => {
    expect(formatResourceId(5)).toBe('(5)');
    expect(formatResourceId('abc')).toBe("('abc')");
    expect(formatResourceId({ uuid: 'x' })).toBe("(uuid='x')");
    expect(formatResourceId({ application: 1, tag_key: 'k' })).toBe("(application=1,tag_key='k')");
  });

  it('rejects empty or unusable keys', () => {
    expect(() => formatResourceId('')).toThrow(InvalidParameter);
    expect(() => formatResourceId(1.5)).toThrow(InvalidParameter);
    expect(() => formatResourceId({})).toThrow(InvalidParameter);
    expect(() => formatResourceId({ uuid: null } as never)).toThrow(InvalidParameter);
  });
});

describe('a $select that is neither a string nor an array of strings', () => {
  it('is refused with InvalidParameter, by buildQuery and by mergeOptions', () => {
    for (const select of [5, 10n, { id: true }, [1], ['id', null]]) {
      expect(() => buildQuery({ $select: select as never })).toThrow(InvalidParameter);
      expect(() => mergeOptions({ $select: 'id' }, { $select: select as never })).toThrow(InvalidParameter);
    }
  });
});
