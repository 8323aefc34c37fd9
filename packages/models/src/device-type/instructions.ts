import { type Client, InvalidParameter, NotSupported } from '@balena-ts/core';
import type { Contract, DeviceTypeInstructions } from '../types/contract.js';
import { getBySlugOrName } from './get.js';
import { installMethodOf, instructionsOf, interpolatePartials } from './interpolate.js';

async function contractOf(client: Client, deviceTypeSlug: string): Promise<Contract | null> {
  const row = await getBySlugOrName(client, deviceTypeSlug, { $select: 'contract' });
  return row.contract as Contract | null;
}

/**
 * Gets the contract of a device type with its install partials rendered to plain text.
 *
 * @param client - the client
 * @param deviceTypeSlug - the slug (a name works too)
 * @returns the contract; its `partials` hold text lines
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @throws {@link @balena-ts/core#NotSupported} when the device type has no contract
 * @example
 * ```ts
 * const { partials } = await getInterpolatedPartials(client, 'raspberrypi4-64');
 * ```
 */
export async function getInterpolatedPartials(client: Client, deviceTypeSlug: string): Promise<Contract> {
  const contract = await contractOf(client, deviceTypeSlug);
  if (!contract) throw new NotSupported(`Could not find contract for device type ${deviceTypeSlug}`);
  return interpolatePartials(contract);
}

/**
 * Gets the steps to install balenaOS on a device type, from its contract: a list of steps, or one
 * list per operating system of the computer used to flash it.
 *
 * @param client - the client
 * @param deviceTypeSlugOrContract - a slug (or name), or a device-type contract already read (then no request is made)
 * @returns the steps
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty slug or a value that is not a contract, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @throws {@link @balena-ts/core#NotSupported} when the contract has no partials or no install method
 * @example
 * ```ts
 * const steps = await getInstructions(client, 'raspberrypi4-64');
 * ```
 */
export async function getInstructions(
  client: Client,
  deviceTypeSlugOrContract: string | Contract,
): Promise<DeviceTypeInstructions> {
  if (typeof deviceTypeSlugOrContract !== 'string') {
    if (
      deviceTypeSlugOrContract === null ||
      typeof deviceTypeSlugOrContract !== 'object' ||
      Array.isArray(deviceTypeSlugOrContract)
    ) {
      throw new InvalidParameter('deviceTypeSlugOrContract', deviceTypeSlugOrContract, 'expected a slug or a contract');
    }
    return instructionsOf(deviceTypeSlugOrContract);
  }
  const contract = await contractOf(client, deviceTypeSlugOrContract);
  if (!contract?.partials) throw new NotSupported(`Instruction partials not defined for ${deviceTypeSlugOrContract}`);
  return instructionsOf(contract);
}

/**
 * Gets how balenaOS is installed on a device type: `image`, `internalFlash`, `externalFlash`,
 * `externalBoot`, or the flash protocol its contract names.
 *
 * @param client - the client
 * @param deviceTypeSlug - the slug (a name works too)
 * @returns the install method, or null when the device type has no contract
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @throws {@link @balena-ts/core#NotSupported} when the contract names neither a flash protocol nor a boot medium
 * @example
 * ```ts
 * if ((await getInstallMethod(client, 'raspberrypi4-64')) === 'externalBoot') console.log('flash an SD card');
 * ```
 */
export async function getInstallMethod(client: Client, deviceTypeSlug: string): Promise<string | null> {
  const contract = await contractOf(client, deviceTypeSlug);
  return contract ? installMethodOf(contract) : null;
}
