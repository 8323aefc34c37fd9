import { NotSupported } from '@balena-ts/core';
import type { Target } from './target.js';

function parts(version: string): number[] {
  // Stryker disable next-line StringLiteral: without digits, '' reads as [0] just as '0' does
  const digits = version.match(/\d+(?:\.\d+){0,2}/)?.[0] ?? '0';
  // Stryker disable next-line MethodExpression: the pattern finds at most 3 parts, and isOlder reads 3
  return digits.split('.').map(Number).concat(0, 0).slice(0, 3);
}

function isOlder(version: string, minimum: string): boolean {
  const actual = parts(version);
  const wanted = parts(minimum);
  // Stryker disable next-line EqualityOperator: index 3 would compare 0 with 0 (parts has 3)
  for (let index = 0; index < 3; index++) {
    const difference = (actual[index] ?? 0) - (wanted[index] ?? 0);
    if (difference < 0) return true;
    if (difference > 0) return false;
  }
  return false;
}

/**
 * Refuses a call the device's supervisor is too old for. Only the proxy mode knows the version
 * (from the device's row); a device that has not reported one yet is let through for the
 * supervisor to judge, while a reported version without a number in it (`unknown`) counts as
 * older than any, as balena's SDK compares versions.
 *
 * @param target - the call's target
 * @param minimum - the oldest supervisor version that has the endpoint, e.g. `'7.0.0'`
 * @param functionName - for the message
 * @throws {@link NotSupported} when the device's supervisor is older
 */
export function requireSupervisorVersion(target: Target, minimum: string, functionName: string): void {
  if (target.kind !== 'proxy' || !target.supervisorVersion) return;
  if (isOlder(target.supervisorVersion, minimum)) {
    throw new NotSupported(
      `Incompatible supervisor version ${target.supervisorVersion} on ${target.uuid}: ${functionName}() needs ${minimum} or later`,
    );
  }
}
