// mergeOptions field by field: which side wins, what is combined, what is kept as given.
import { describe, expect, it } from 'vitest';
import { buildQuery, mergeOptions } from '../src/index.js';

describe('mergeOptions', () => {
  it('combines $select without duplicates, and * wins', () => {
    expect(mergeOptions({ $select: 'id, name' }, { $select: ['name', 'uuid'] })).toEqual({
      $select: ['id', 'name', 'uuid'],
    });
    expect(mergeOptions({ $select: 'id' }, { $select: '*' })).toEqual({ $select: '*' });
    expect(mergeOptions({ $select: ['id'] }, { $top: 1 })).toEqual({ $select: ['id'], $top: 1 });
    expect(mergeOptions({ $top: 1 }, { $select: 'id' })).toEqual({ $top: 1, $select: 'id' });
  });

  it('merges $expand navigation by navigation', () => {
    expect(mergeOptions({ $expand: { owner: { $select: 'id' } } }, { $expand: ['tags', 'owner'] })).toEqual({
      $expand: { owner: { $select: 'id' }, tags: {} },
    });
    expect(
      buildQuery(mergeOptions({ $expand: 'owner' }, { $expand: { owner: { $select: 'name' }, tags: { $top: 1 } } })),
    ).toBe('$expand=owner($select=name),tags($top=1)');
    expect(mergeOptions({ $top: 1 }, { $expand: 'tags' })).toEqual({ $top: 1, $expand: 'tags' });
    expect(mergeOptions({ $expand: 'tags' }, { $top: 2 })).toEqual({ $expand: 'tags', $top: 2 });
  });

  it('ands $filter, and merges $count', () => {
    expect(mergeOptions({ $filter: { a: 1 } }, { $filter: { b: 2 } })).toEqual({
      $filter: { $and: [{ a: 1 }, { b: 2 }] },
    });
    expect(mergeOptions({ $top: 1 }, { $filter: { b: 2 } })).toEqual({ $top: 1, $filter: { b: 2 } });
    expect(
      mergeOptions({ $count: { $filter: { a: 1 } } } as never, { $count: { $filter: { b: 2 } } } as never),
    ).toEqual({
      $count: { $filter: { $and: [{ a: 1 }, { b: 2 }] } },
    });
  });

  it('lets the extra $top, $skip and $orderby win, and skips undefined values', () => {
    expect(mergeOptions({ $top: 1, $skip: 1, $orderby: 'id' }, { $top: 2, $skip: 3, $orderby: 'name desc' })).toEqual({
      $top: 2,
      $skip: 3,
      $orderby: 'name desc',
    });
    expect(
      mergeOptions({ $select: 'id', $filter: { a: 1 } }, { $select: undefined, $filter: undefined, $top: 1 }),
    ).toEqual({
      $select: 'id',
      $filter: { a: 1 },
      $top: 1,
    });
  });

  it('does not change either side', () => {
    const defaults = { $select: ['id'], $expand: { owner: { $select: 'id' } } };
    const extra = { $select: ['name'], $expand: { owner: { $top: 1 } } };
    mergeOptions(defaults, extra);
    expect(defaults).toEqual({ $select: ['id'], $expand: { owner: { $select: 'id' } } });
    expect(extra).toEqual({ $select: ['name'], $expand: { owner: { $top: 1 } } });
  });
});
