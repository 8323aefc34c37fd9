// The argument checks of src/internal's helpers, tested without a sandbox: each refusal names its
// parameter and says what was expected, before any request.
import { createClient, InvalidParameter } from '@balena-ts/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isArchitectureCompatible } from '../src/internal/architecture.js';
import { checkDeviceTypeArgument } from '../src/internal/device-type.js';
import { postInvite } from '../src/internal/invite.js';
import { checkOrganizationArgument } from '../src/internal/organization.js';
import { FLEET_ROLE } from '../src/internal/role.js';
import { resolveServiceInstallId } from '../src/internal/service-install.js';
import { supportAccessUntil } from '../src/internal/support-access.js';
import { userFilter } from '../src/internal/user-rows.js';
import { refusal } from './helpers/refusal.js';

// biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose.
type Any = any;

function expectRefused(work: () => unknown, parameter: string, reason: string): void {
  const error = refusal(work);
  expect(error.parameter).toBe(parameter);
  expect(error.message).toContain(`parameter "${parameter}": ${reason}`);
}

describe('isArchitectureCompatible', () => {
  it('refuses an architecture that is not a string, naming which', () => {
    expectRefused(() => isArchitectureCompatible(7 as Any, 'rpi'), 'applicationArchitecture', 'expected a string');
    expectRefused(() => isArchitectureCompatible('rpi', null as Any), 'deviceArchitecture', 'expected a string');
  });
});

describe('supportAccessUntil', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a time that is not in the future, now included', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const reason = 'it must be a time in the future';
    expectRefused(() => supportAccessUntil(Date.now()), 'expiryTimestamp', reason);
    expectRefused(() => supportAccessUntil(Date.now() - 1), 'expiryTimestamp', reason);
    expectRefused(() => supportAccessUntil(Number.NaN), 'expiryTimestamp', reason);
    expectRefused(() => supportAccessUntil('tomorrow' as Any), 'expiryTimestamp', reason);
    expect(supportAccessUntil(Date.now() + 1)).toEqual({
      is_accessible_by_support_until__date: new Date(1_700_000_000_001).toISOString(),
    });
  });

  it('refuses a time beyond the last date a Date holds', () => {
    expectRefused(
      () => supportAccessUntil(8.64e15 + 1),
      'expiryTimestamp',
      'it is beyond the latest representable date',
    );
  });
});

describe('checkDeviceTypeArgument', () => {
  it('refuses an empty device type', () => {
    expectRefused(() => checkDeviceTypeArgument(''), 'deviceType', 'expected a device type slug or name');
  });
});

describe('checkOrganizationArgument', () => {
  it('takes a positive id or a handle, and refuses a blank handle', () => {
    checkOrganizationArgument(3);
    checkOrganizationArgument('acme');
    const reason = 'expected a handle or a positive integer id';
    expectRefused(() => checkOrganizationArgument('  '), 'organization', reason);
    expectRefused(() => checkOrganizationArgument(0), 'organization', reason);
  });
});

describe('userFilter', () => {
  it('takes a positive id or a username, refusing anything else with its own reason', () => {
    expect(userFilter(4)).toBe(4);
    expect(userFilter('alice')).toEqual({ $any: { $alias: 'u', $expr: { u: { username: 'alice' } } } });
    expectRefused(() => userFilter(-1), 'usernameOrId', 'an id must be a positive integer');
    expectRefused(() => userFilter(' '), 'usernameOrId', 'expected a username or a positive integer id');
  });
});

describe('resolveServiceInstallId', () => {
  it('refuses an empty service name or an id that is no id, before any request', async () => {
    const sent: string[] = [];
    const client = createClient({
      apiUrl: 'http://127.0.0.1:9',
      fetch: (input) => {
        sent.push(String(input));
        return Promise.reject(new Error('no request is expected'));
      },
    });
    for (const service of ['', 0, -2]) {
      const error = await resolveServiceInstallId(client, { device: 1, service }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).parameter).toBe('serviceNameOrId');
      expect((error as Error).message).toContain(
        'parameter "serviceNameOrId": expected a service name or a positive integer service id',
      );
    }
    expect(sent).toEqual([]);
  });
});

describe('postInvite', () => {
  it('refuses a message that is not a string, with the prefix of its parameter, before any lookup', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    const invites = {
      resource: 'invitee__is_invited_to__application',
      parentField: 'is_invited_to__application',
      role: FLEET_ROLE,
    };
    let looked = false;
    const parentId = (): Promise<number> => {
      looked = true;
      return Promise.resolve(1);
    };
    const error = await postInvite(
      client,
      invites,
      { invitee: 'bob@example.com', message: 5 as Any },
      'invite.',
      parentId,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('invite.message');
    expect((error as Error).message).toContain('parameter "invite.message": expected a string');
    expect(looked).toBe(false);
  });
});
