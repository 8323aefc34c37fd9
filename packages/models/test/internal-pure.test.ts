// Pure helpers of src/internal, tested without a sandbox: the message of a partial batch write and
// the check of a service argument.
import { InvalidParameter } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { PartialWriteError } from '../src/internal/partial-write-error.js';
import { checkServiceIdentifier } from '../src/internal/service.js';

describe('PartialWriteError', () => {
  it('lists up to five targets not written, then how many more', () => {
    const failure = new Error('answered 500');
    const five = new PartialWriteError('device_tag MODE', [1], [2, 3, 4, 5, 6], [{ target: 2, error: failure }]);
    expect(five.message).toBe('Wrote device_tag MODE on 1 of 6 targets; not written: 2, 3, 4, 5, 6');
    const seven = new PartialWriteError('device_tag MODE', [], [1, 2, 3, 4, 5, 6, 7], []);
    expect(seven.message).toBe('Wrote device_tag MODE on 0 of 7 targets; not written: 1, 2, 3, 4, 5 and 2 more');
  });

  it('takes the first failure as its cause unless given one', () => {
    const first = new Error('first');
    const failures = [
      { target: 'a', error: first },
      { target: 'b', error: new Error('second') },
    ];
    expect(new PartialWriteError('x', [], ['a', 'b'], failures).cause).toBe(first);
    const given = new Error('given');
    expect(new PartialWriteError('x', [], ['a', 'b'], failures, { cause: given }).cause).toBe(given);
    expect(new PartialWriteError('x', ['a'], ['b'], failures)).toMatchObject({
      written: ['a'],
      notWritten: ['b'],
      failures,
    });
  });
});

describe('checkServiceIdentifier', () => {
  it('takes an id, or an application (id or non-empty text) with a non-empty service name', () => {
    expect(checkServiceIdentifier(7)).toBe(7);
    const byId = { application: 3, service_name: 'main' };
    expect(checkServiceIdentifier(byId)).toBe(byId);
    const bySlug = { application: 'admin/fleet', service_name: 'main' };
    expect(checkServiceIdentifier(bySlug)).toBe(bySlug);
  });

  it('refuses anything else, naming the parameter and what it expects', () => {
    for (const value of [
      null,
      'main',
      0,
      { application: 3 },
      { service_name: 'main' },
      { application: '', service_name: 'main' },
      { application: 0, service_name: 'main' },
      { application: { id: 3 }, service_name: 'main' },
      { application: 3, service_name: '' },
      { application: 3, service_name: 5 },
    ]) {
      expect(() => checkServiceIdentifier(value as never), JSON.stringify(value)).toThrow(
        new InvalidParameter('serviceIdOrNaturalKey', value, 'expected a service id or { application, service_name }'),
      );
    }
  });
});
