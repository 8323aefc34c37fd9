import { type Client, mergeOptions } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { checkODataOptions } from '../internal/odata-options.js';
import {
  type DeviceWithServiceDetails,
  type ExpandedInstall,
  SERVICE_DETAILS_EXPAND,
  withServiceDetails,
} from '../internal/service-details.js';
import type { Application } from '../types/application.js';
import type { TypedOptions } from '../types/options.js';

/** An application with its devices, each with the details of the services it runs. */
export type ApplicationWithDeviceServiceDetails = Omit<Application, 'owns__device'> & {
  /** The fleet's devices, each with `current_services_by_app` and `current_services`. */
  readonly owns__device: DeviceWithServiceDetails[];
};

/**
 * Gets an application with its devices, each device with the services it runs grouped by
 * application and service name (as `device.getWithServiceDetails` gives them).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the application query (an `$expand` of `owns__device` is merged with the service details)
 * @returns the application with `owns__device` carrying the service details
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a malformed id, or options that are not an object
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const app = await getWithDeviceServiceDetails(client, 'admin/my-fleet');
 * for (const device of app.owns__device) console.log(device.uuid, Object.keys(device.current_services));
 * ```
 */
export async function getWithDeviceServiceDetails(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: TypedOptions<Application>,
): Promise<ApplicationWithDeviceServiceDetails> {
  const merged = mergeOptions(
    { $expand: { owns__device: { $expand: SERVICE_DETAILS_EXPAND } } },
    checkODataOptions(options),
  );
  const application = await getApplication<
    Omit<Application, 'owns__device'> & { owns__device: { image_install?: ExpandedInstall[] }[] }
  >(client, slugOrUuidOrIdOrName, merged);
  return {
    ...application,
    owns__device: application.owns__device.map(
      (device) => withServiceDetails(device) as unknown as DeviceWithServiceDetails,
    ),
  };
}
