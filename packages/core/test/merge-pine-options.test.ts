import { describe, expect, it } from 'vitest';
import { InvalidParameter, mergePineOptions } from '../src/index.js';

// balena-sdk's `utils.mergePineOptions` semantics, under its own name.
describe('mergePineOptions', () => {
  it('joins selects, and-s filters, merges expands and lets the caller set $top, $skip and $orderby', () => {
    const merged = mergePineOptions(
      {
        $select: 'id',
        $filter: { is_online: true },
        $orderby: 'device_name asc',
        $expand: { belongs_to__application: { $select: 'id' } },
      },
      {
        $select: ['device_name'],
        $filter: { os_variant: 'dev' },
        $orderby: 'id desc',
        $top: 5,
        $skip: 10,
        $expand: { belongs_to__application: { $select: 'app_name' }, device_tag: {} },
      },
    );
    expect(merged).toEqual({
      $select: ['id', 'device_name'],
      $filter: { $and: [{ is_online: true }, { os_variant: 'dev' }] },
      $orderby: 'id desc',
      $top: 5,
      $skip: 10,
      $expand: { belongs_to__application: { $select: ['id', 'app_name'] }, device_tag: {} },
    });
  });

  it("gives the defaults back for no extras, lets '*' win, and refuses an unknown option", () => {
    const defaults = { $select: ['id'] };
    expect(mergePineOptions(defaults)).toBe(defaults);
    expect(mergePineOptions(defaults, {})).toBe(defaults);
    expect(mergePineOptions(defaults, { $select: '*' }).$select).toBe('*');
    expect(() => mergePineOptions(defaults, { $nope: 1 } as never)).toThrow(InvalidParameter);
  });
});
